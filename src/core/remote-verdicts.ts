import type { Problem } from "./problem";
import { sameCell, sameCells } from "./same-cells";
import type { Cell } from "./text";

/**
 * What the partner API said of rows (a check with Banqup, a refused send), kept by row
 * index: which rows it judged, and the problems it found. A judgement lasts while the row's
 * cells stay as they were; a problem lasts while its own cell does, so editing the ICE clears
 * the ICE's problem and leaves the e-mail's.
 */
export class RemoteVerdicts {
  private problems = new Map<number, Problem[]>();
  private judged = new Set<number>();

  /** `columns`: each field's position in a row's cells. */
  constructor(private readonly columns: ReadonlyMap<string, number>) {}

  /** The row's cells changed from `before` to `after`: keeps what still holds. */
  follow(index: number, before: readonly Cell[] | undefined, after: readonly Cell[]): void {
    if (this.judged.has(index) && !sameCells(before, after)) this.judged.delete(index);
    const problems = this.problems.get(index);
    if (!problems) return;
    const kept = problems.filter((problem) => {
      const column = this.columns.get(problem.field);
      return (
        before !== undefined && column !== undefined && sameCell(before[column], after[column])
      );
    });
    if (kept.length) this.problems.set(index, kept);
    else this.problems.delete(index);
  }

  /** The row is gone. */
  drop(index: number): void {
    this.problems.delete(index);
    this.judged.delete(index);
  }

  /**
   * The API judged the row: these problems (none when it would accept it); undefined keeps
   * the problems it gave before (a row that is a client already is not judged again).
   */
  set(index: number, problems: Problem[] | undefined): void {
    this.judged.add(index);
    if (!problems) return;
    if (problems.length) this.problems.set(index, problems);
    else this.problems.delete(index);
  }

  problemsOf(index: number): readonly Problem[] | undefined {
    return this.problems.get(index);
  }

  hasProblems(index: number): boolean {
    return this.problems.has(index);
  }

  isJudged(index: number): boolean {
    return this.judged.has(index);
  }

  get anyJudged(): boolean {
    return this.judged.size > 0;
  }
}
