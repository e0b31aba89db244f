import { ClientObject, type ProxyContext } from "./client-object";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./tables";
import { WorksheetCollectionProxy, WorksheetProxy } from "./worksheet";

export class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly settings: SettingCollectionProxy;
  constructor(context: ProxyContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(
      context,
      undefined,
      (locate) => new WorksheetProxy(context, locate)
    );
    this.settings = new SettingCollectionProxy(context);
  }
  protected resolveOrNull() {
    return this.context.state;
  }
  getSelectedRange(): RangeProxy {
    const state = this.context.state;
    return new RangeProxy(this.context, () => {
      const { sheetId, rect } = state.selection;
      return { sheet: state.sheetById(sheetId), rect };
    });
  }
}

export class SettingCollectionProxy extends ClientObject {
  protected resolveOrNull() {
    return this.context.state.settings;
  }
  add(key: string, value: unknown): SettingProxy {
    this.call([key, value], () => {
      // Settings are stored as JSON: what cannot round-trip is refused.
      this.context.state.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new SettingProxy(this.context, key, false);
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, key, true);
  }
}

export class SettingProxy extends ClientObject {
  constructor(
    context: ProxyContext,
    private readonly key: string,
    orNull: boolean
  ) {
    super(context, orNull);
  }
  protected resolveOrNull() {
    return this.context.state.settings.has(this.key) ? { key: this.key } : null;
  }
  protected override scalars() {
    return {
      key: () => this.key,
      value: () => this.context.state.settings.get(this.key),
    };
  }
  get value(): unknown {
    return this.read("value");
  }
  delete(): void {
    this.call(this.key, () => this.context.state.settings.delete(this.key));
  }
}
