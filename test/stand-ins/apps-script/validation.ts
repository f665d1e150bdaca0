import { StandIn, View } from "./counting";
import { gasError, MESSAGES } from "./errors";
import { ValidationSpec } from "./model";

/** SpreadsheetApp.newDataValidation(): the criteria src builds, read back through world.snapshot(). */
export class DataValidationBuilder extends StandIn {
  readonly kind = "DataValidationBuilder";
  private criteria: string | null = null;
  private values: unknown[] = [];
  // Google's default for new rules: invalid input shows a warning but is kept.
  private allowInvalid = true;
  private helpText: string | null = null;

  private set(criteria: string, values: unknown[]): this {
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
  build(): DataValidation {
    if (this.criteria === null)
      throw gasError("You must specify a criteria type for the data validation rule.");
    const { criteria, values, allowInvalid, helpText } = this;
    return new DataValidation(this.view, { criteria, values: [...values], allowInvalid, helpText });
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
}

/** Reads the spec out of a DataValidation handed back by code under test (a proxy or not). */
export function validationSpecOf(rule: unknown): ValidationSpec | undefined {
  if (rule === null || rule === undefined) return undefined;
  const spec = (rule as { _spec?: ValidationSpec })._spec;
  if (!spec) throw gasError(MESSAGES.signature("SpreadsheetApp.Range.setDataValidations"));
  return spec;
}
