import { GridBox } from "./a1";
import { StandIn, View } from "./counting";
import { gasError } from "./errors";
import { ConditionSpec, ConditionalRuleModel, SheetModel } from "./model";
import type { Range } from "./range";

interface RangeRef {
  sheet: SheetModel;
  box: GridBox;
}

/** Reads the sheet and box out of a Range handed in by code under test. */
export function rangeRefOf(range: unknown): RangeRef {
  const r = range as Partial<Pick<Range, "_sheet" | "_box">>;
  if (!r || !r._sheet || !r._box)
    throw gasError("The parameters don't match the method signature for SpreadsheetApp.Range.");
  return { sheet: r._sheet, box: { ...r._box } };
}

/** SpreadsheetApp.newConditionalFormatRule(): boolean-condition rules only (no gradients). */
export class ConditionalFormatRuleBuilder extends StandIn {
  readonly kind = "ConditionalFormatRuleBuilder";
  private ranges: RangeRef[] = [];
  private criteria: string | null = null;
  private values: unknown[] = [];
  private background: string | null = null;

  private when(criteria: string, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when("CUSTOM_FORMULA", [formula]);
  }
  whenTextEqualTo(text: string): this {
    return this.when("TEXT_EQUAL_TO", [text]);
  }
  setBackground(color: string | null): this {
    this.background = color;
    return this;
  }
  setRanges(ranges: unknown[]): this {
    this.ranges = ranges.map(rangeRefOf);
    return this;
  }
  build(): ConditionalFormatRule {
    if (this.criteria === null) throw gasError("Conditional format rule must have a condition.");
    if (this.ranges.length === 0) throw gasError("Conditional format rule must have at least one range.");
    const condition: ConditionSpec = {
      criteria: this.criteria,
      values: [...this.values],
      background: this.background,
    };
    return new ConditionalFormatRule(this.view, {
      ranges: this.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
      condition,
    });
  }
}

export class ConditionalFormatRule extends StandIn {
  readonly kind = "ConditionalFormatRule";
  constructor(
    view: View,
    readonly _model: ConditionalRuleModel,
  ) {
    super(view);
  }
  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.view, this._model.condition);
  }
}

export class BooleanCondition extends StandIn {
  readonly kind = "BooleanCondition";
  constructor(
    view: View,
    private readonly spec: ConditionSpec,
  ) {
    super(view);
  }
  getCriteriaType(): string {
    return this.spec.criteria;
  }
  getBackground(): string | null {
    return this.spec.background;
  }
}
