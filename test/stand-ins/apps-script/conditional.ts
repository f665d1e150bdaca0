import { GridBox } from "./a1";
import { StandIn, View } from "./counting";
import { BooleanCriteriaName } from "./enums";
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
  private criteria: BooleanCriteriaName | null = null;
  private values: unknown[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private bold: boolean | null = null;
  private italic: boolean | null = null;

  constructor(view: View, from?: ConditionalRuleModel) {
    super(view);
    if (from) {
      this.ranges = from.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } }));
      this.criteria = from.condition.criteria as BooleanCriteriaName;
      this.values = [...from.condition.values];
      this.background = from.condition.background;
      this.fontColor = from.condition.fontColor;
      this.bold = from.condition.bold;
      this.italic = from.condition.italic;
    }
  }

  private when(criteria: BooleanCriteriaName, values: unknown[]): this {
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
  setFontColor(color: string | null): this {
    this.fontColor = color;
    return this;
  }
  setRanges(ranges: unknown[]): this {
    this.ranges = ranges.map(rangeRefOf);
    return this;
  }
  getRanges(): Range[] {
    return this.ranges.map((r) => newRange(this.view, r));
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.view, this.model());
  }
  build(): ConditionalFormatRule {
    if (this.criteria === null) throw gasError("Conditional format rule must have a condition.");
    if (this.ranges.length === 0) throw gasError("Conditional format rule must have at least one range.");
    return new ConditionalFormatRule(this.view, this.model());
  }
  private model(): ConditionalRuleModel {
    const condition: ConditionSpec = {
      criteria: this.criteria ?? "CUSTOM_FORMULA",
      values: [...this.values],
      background: this.background,
      fontColor: this.fontColor,
      bold: this.bold,
      italic: this.italic,
    };
    return { ranges: this.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })), condition };
  }
}

let rangeFactory: ((view: View, ref: RangeRef) => Range) | undefined;
/** range.ts registers how to make a Range (avoids an import cycle at load time). */
export function registerRangeFactory(factory: (view: View, ref: RangeRef) => Range): void {
  rangeFactory = factory;
}
function newRange(view: View, ref: RangeRef): Range {
  if (!rangeFactory) throw new Error("stand-in: range.ts not loaded");
  return rangeFactory(view, ref);
}

export class ConditionalFormatRule extends StandIn {
  readonly kind = "ConditionalFormatRule";
  constructor(
    view: View,
    readonly _model: ConditionalRuleModel,
  ) {
    super(view);
  }
  getRanges(): Range[] {
    return this._model.ranges.map((r) => newRange(this.view, r));
  }
  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.view, this._model.condition);
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.view, this._model);
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
  getCriteriaType(): BooleanCriteriaName {
    return this.spec.criteria as BooleanCriteriaName;
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }
  getBackground(): string | null {
    return this.spec.background;
  }
}

export class Color extends StandIn {
  readonly kind = "Color";
  constructor(
    view: View,
    private readonly hex: string,
  ) {
    super(view);
  }
}
