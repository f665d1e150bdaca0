import { StandIn, View } from "./counting";
import { gasError, MESSAGES } from "./errors";
import { DataValidationCriteria, DataValidationCriteriaName } from "./enums";
import { ValidationSpec } from "./model";

/** SpreadsheetApp.newDataValidation(): a subset of GoogleAppsScript.Spreadsheet.DataValidationBuilder. */
export class DataValidationBuilder extends StandIn {
  readonly kind = "DataValidationBuilder";
  private criteria: DataValidationCriteriaName | null = null;
  private values: unknown[] = [];
  // Google's default for new rules: invalid input shows a warning but is kept.
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(view: View, from?: ValidationSpec) {
    super(view);
    if (from) {
      this.criteria = from.criteria as DataValidationCriteriaName;
      this.values = [...from.values];
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText;
    }
  }

  private set(criteria: DataValidationCriteriaName, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }

  requireValueInList(values: string[], showDropdown = true): this {
    return this.set("VALUE_IN_LIST", [[...values], showDropdown]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set("NUMBER_BETWEEN", [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [n]);
  }
  requireDate(): this {
    return this.set("DATE_IS_VALID_DATE", []);
  }
  requireTextIsEmail(): this {
    return this.set("TEXT_IS_VALID_EMAIL", []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set("CUSTOM_FORMULA", [formula]);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.allowInvalid = allowInvalid;
    return this;
  }
  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }
  getCriteriaType(): DataValidationCriteriaName | null {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    return this.helpText;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.view, this.spec());
  }
  build(): DataValidation {
    if (this.criteria === null)
      throw gasError("You must specify a criteria type for the data validation rule.");
    return new DataValidation(this.view, this.spec());
  }

  private spec(): ValidationSpec {
    return {
      criteria: this.criteria ?? DataValidationCriteria.CUSTOM_FORMULA,
      values: [...this.values],
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    };
  }
}

/** A built rule, as Range.getDataValidation() returns it. */
export class DataValidation extends StandIn {
  readonly kind = "DataValidation";
  constructor(
    view: View,
    readonly _spec: ValidationSpec,
  ) {
    super(view);
  }
  getCriteriaType(): DataValidationCriteriaName {
    return this._spec.criteria as DataValidationCriteriaName;
  }
  getCriteriaValues(): unknown[] {
    const dateCtor = this.view.dateCtor;
    return this._spec.values.map((v) =>
      Array.isArray(v) ? [...v] : v instanceof Date ? new dateCtor(v.getTime()) : v,
    );
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this._spec.helpText;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.view, this._spec);
  }
}

/** Reads the spec out of a DataValidation handed back by code under test (a proxy or not). */
export function validationSpecOf(rule: unknown): ValidationSpec | undefined {
  if (rule === null || rule === undefined) return undefined;
  const spec = (rule as { _spec?: ValidationSpec })._spec;
  if (!spec) throw gasError(MESSAGES.signature("SpreadsheetApp.Range.setDataValidation"));
  return spec;
}
