import { helpText } from "../core/messages";
import { ColumnSpec } from "../core/schema/column";
import { Template } from "../core/schema/table";
import type { FieldDto } from "./api-types";

/**
 * A template's user fields as sidebar form fields (server side): label, kind, limits, list values
 * and help text all come from the template, so the form and the sheet share one description.
 * System fields (filled in by Samspill) are left out.
 */
export function formFields(template: Template<any>, only?: ReadonlyArray<string>): FieldDto[] {
  return template.keys
    .filter((key) => !(template.columns[key] as ColumnSpec).system && (!only || only.includes(key)))
    .map((key) => {
      const spec = template.columns[key] as ColumnSpec;
      const field: FieldDto = { key, label: spec.header, kind: spec.kind, required: spec.required === true, help: helpText(spec) };
      if (spec.min !== undefined) field.min = spec.min;
      if (spec.max !== undefined) field.max = spec.max;
      if (spec.maxLength !== undefined) field.maxLength = spec.maxLength;
      if (spec.values) field.values = [...spec.values];
      if (spec.default !== undefined) field.default = spec.default;
      return field;
    });
}
