import { intersect, parseRef, rectSize, type Rect } from "./a1";
import {
  FakeError,
  type ConditionalBorderSide,
  type ConditionalFormatState,
  type SheetState,
} from "./workbook";
import { ClientObject, notLoaded, requestPart, sizeOf, type ProxyContext } from "./client-object";

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

/** Makes a range proxy: passed in by the range, so that its parts need not import it. */
export type RangeMaker = (target: () => RangeTarget | null, orNull?: boolean) => ClientObject;

/** A part of a range (its format, validation, conditional formats): resolves through it. */
abstract class RangePartProxy extends ClientObject {
  constructor(
    context: ProxyContext,
    protected readonly target: () => RangeTarget
  ) {
    super(context);
  }
  protected override get onRange() {
    return true;
  }
  protected resolveOrNull() {
    return this.target();
  }
}

export class RangeFormatProxy extends RangePartProxy {
  protected override scalars() {
    return {
      columnWidth: () => {
        const { sheet, rect } = this.target();
        return sheet.columnWidths.get(rect.left) ?? 48;
      },
    };
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", points, () => {
      const { sheet, rect } = this.target();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;

export class DataValidationProxy extends RangePartProxy {
  protected override scalars() {
    return {
      // "None", the rule's kind when every cell has the same rule, else "Inconsistent".
      type: () => {
        const { sheet, rect } = this.target();
        const { rows, columns } = rectSize(rect);
        let covered = 0;
        const rules = new Set<string>();
        for (const entry of sheet.validations) {
          const common = intersect(entry.rect, rect);
          if (!common) continue;
          const size = rectSize(common);
          covered += size.rows * size.columns;
          rules.add(JSON.stringify(entry.rule ?? null));
        }
        if (covered === 0) return "None";
        if (covered < rows * columns || rules.size > 1) return "Inconsistent";
        const rule = JSON.parse([...rules][0]!) as Record<string, unknown> | null;
        if (!rule) return "None";
        return rule.list ? "List" : rule.custom ? "Custom" : "Inconsistent";
      },
    };
  }
  get type(): string {
    return this.read("type");
  }
  private entry(): { sheet: SheetState; entry: import("./workbook").DataValidationState } {
    const { sheet, rect } = this.target();
    let entry = sheet.validations.find(
      (v) =>
        v.rect.top === rect.top &&
        v.rect.left === rect.left &&
        v.rect.bottom === rect.bottom &&
        v.rect.right === rect.right
    );
    if (!entry) {
      sheet.clearValidation(rect);
      entry = { rect };
      sheet.validations.push(entry);
    }
    return { sheet, entry };
  }
  clear(): void {
    this.call(null, () => {
      const { sheet, rect } = this.target();
      sheet.clearValidation(rect);
    });
  }
  set rule(rule: Record<string, unknown>) {
    this.write("rule", rule, () => {
      const list = rule.list as { source?: string } | undefined;
      if (list && typeof list.source === "string" && list.source.startsWith("=")) {
        // A reference must point at cells that exist.
        const ref = parseRef(list.source.slice(1));
        if (ref.sheet) this.context.state.sheetNamed(ref.sheet);
      }
      this.entry().entry.rule = rule;
    });
  }
  set prompt(prompt: { showPrompt?: boolean; title?: string; message?: string }) {
    this.write("prompt", prompt, () => {
      if (
        (prompt.title?.length ?? 0) > PROMPT_TITLE_MAX ||
        (prompt.message?.length ?? 0) > PROMPT_MESSAGE_MAX
      )
        throw new FakeError("InvalidArgument", "The prompt's title or message is too long.");
      this.entry().entry.prompt = prompt;
    });
  }
  set errorAlert(alert: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this.write("errorAlert", alert, () => {
      this.entry().entry.errorAlert = alert;
    });
  }
}

export class ConditionalFormatCollectionProxy extends RangePartProxy {
  private itemsLoaded: ConditionalFormatProxy[] | undefined;
  constructor(
    context: ProxyContext,
    target: () => RangeTarget,
    private readonly rangeOf: RangeMaker
  ) {
    super(context, target);
  }
  /** The rules that apply to any cell of the range, in priority order. */
  private formats(): ConditionalFormatState[] {
    const { sheet, rect } = this.target();
    return sheet.conditionalFormats.filter((format) =>
      format.areas.some((area) => intersect(area, rect))
    );
  }
  get items(): ConditionalFormatProxy[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }
  override load(spec?: string | string[]): this {
    const names = (typeof spec === "string" ? spec.split(",") : (spec ?? [])).map((s) =>
      s.trim().replace(/^items\//, "")
    );
    this.context.enqueue(
      () => {
        const { sheet } = this.target();
        this.itemsLoaded = this.formats().map(
          (format) => new ConditionalFormatProxy(this.context, sheet, format, this.rangeOf)
        );
        let bytes = 0;
        for (const item of this.itemsLoaded) bytes += item.loadNow(names);
        return bytes;
      },
      0,
      true
    );
    return this;
  }
  add(type: string) {
    const state: ConditionalFormatState = {
      id: "",
      areas: [],
      anchor: { row: 0, column: 0 },
      type,
    };
    this.call(type, () => {
      const { sheet, rect } = this.target();
      state.id = `{cf-${this.context.state.newId()}}`;
      state.areas = [rect];
      state.anchor = { row: rect.top, column: rect.left };
      // A new rule goes first, as Excel gives it the highest priority.
      sheet.conditionalFormats.unshift(state);
    });
    const enqueue = (apply: () => void, value: unknown) =>
      this.context.enqueue(apply, requestPart(value), true, "write");
    if (type !== "Custom")
      throw new Error(`the fake only knows custom conditional formats, not ${type}`);
    return {
      custom: {
        rule: {
          set formula(formula: string) {
            enqueue(() => (state.formula = formula), formula);
          },
        },
        format: {
          fill: {
            set color(color: string) {
              enqueue(() => (state.fill = color), color);
            },
          },
          font: {
            set color(color: string) {
              enqueue(() => (state.fontColor = color), color);
            },
            set bold(bold: boolean) {
              enqueue(() => (state.bold = bold), bold);
            },
          },
          borders: {
            // As Excel's ConditionalRangeBorderCollection (ExcelApi 1.6): one border a side.
            getItem(side: ConditionalBorderSide) {
              if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].includes(side))
                throw new Error(`a conditional format has no border ${side}`);
              const border = () => ((state.borders ??= {})[side] ??= {});
              return {
                set style(style: string) {
                  enqueue(() => (border().style = style), style);
                },
                set color(color: string) {
                  enqueue(() => (border().color = color), color);
                },
              };
            },
          },
        },
      },
    };
  }
}

/**
 * One conditional format of a collection. As in Excel, `custom` can only be loaded on a custom
 * rule (loading it across a collection that holds other kinds fails, office-js #2180), and a
 * rule split over several areas has no single range.
 */
class ConditionalFormatProxy extends ClientObject {
  readonly custom: { rule: { formula: string; load: (what: string) => void } };
  private formula: string | undefined;
  private formulaLoaded = false;
  constructor(
    context: ProxyContext,
    private readonly sheet: SheetState,
    private readonly state: ConditionalFormatState,
    private readonly rangeOf: RangeMaker
  ) {
    super(context);
    const self = this;
    this.custom = {
      rule: {
        get formula(): string {
          if (!self.formulaLoaded) throw notLoaded("formula");
          return self.formula ?? "";
        },
        set formula(_value: string) {
          throw new Error("the fake does not change a rule's formula");
        },
        load: () => {
          self.context.enqueue(() => self.loadFormula());
        },
      },
    };
  }
  protected resolveOrNull() {
    return this.sheet.conditionalFormats.includes(this.state) ? this.state : null;
  }
  protected override scalars() {
    return {
      id: () => this.resolve<ConditionalFormatState>().id,
      type: () => this.resolve<ConditionalFormatState>().type,
      priority: () => this.sheet.conditionalFormats.indexOf(this.resolve()),
    };
  }
  private loadFormula(): number {
    const state = this.resolve<ConditionalFormatState>();
    if (state.type !== "Custom")
      throw new FakeError(
        "InvalidOperation",
        "This operation is not permitted for the current object."
      );
    this.formula = state.formula;
    this.formulaLoaded = true;
    return sizeOf(state.formula);
  }
  /** The rule's formula is a path, not a scalar: loadFormula reads it (and refuses other kinds). */
  protected override loadOneNow(name: string): number {
    return name === "custom/rule/formula" ? this.loadFormula() : super.loadOneNow(name);
  }
  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  getRangeOrNullObject(): ClientObject {
    return this.rangeOf(() => {
      const state = this.resolve<ConditionalFormatState>();
      return state.areas.length === 1 ? { sheet: this.sheet, rect: state.areas[0]! } : null;
    }, true);
  }
  delete(): void {
    this.call(null, () => {
      const list = this.sheet.conditionalFormats;
      const at = list.indexOf(this.resolve());
      if (at >= 0) list.splice(at, 1);
    });
  }
}
