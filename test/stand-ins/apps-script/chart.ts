import { rangeRefOf } from "./conditional";
import { StandIn, View } from "./counting";
import { ChartModel, SheetModel } from "./model";
import { Range } from "./range";

/** Sheet.newChart(): a subset of EmbeddedChartBuilder; the as…Chart() variants return the same builder. */
export class EmbeddedChartBuilder extends StandIn {
  readonly kind = "EmbeddedChartBuilder";
  readonly _model: ChartModel;
  constructor(
    view: View,
    readonly _sheet: SheetModel,
    from?: ChartModel,
  ) {
    super(view);
    this._model = from
      ? {
          ...from,
          ranges: from.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
          options: { ...from.options },
        }
      : {
          id: 0,
          chartType: "COLUMN",
          ranges: [],
          options: {},
          anchorRow: 1,
          anchorCol: 1,
          offsetX: 0,
          offsetY: 0,
          numHeaders: -1,
        };
  }
  addRange(range: unknown): this {
    this._model.ranges.push(rangeRefOf(range));
    return this;
  }
  getRanges(): Range[] {
    return this._model.ranges.map((r) => new Range(this.view, r.sheet, { ...r.box }));
  }
  setChartType(type: string): this {
    this._model.chartType = String(type);
    return this;
  }
  asColumnChart(): this {
    return this.setChartType("COLUMN");
  }
  asBarChart(): this {
    return this.setChartType("BAR");
  }
  setTitle(title: string): this {
    return this.setOption("title", title);
  }
  setOption(option: string, value: unknown): this {
    this._model.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    Object.assign(this._model, { anchorRow: anchorRowPos, anchorCol: anchorColPos, offsetX, offsetY });
    return this;
  }
  build(): EmbeddedChart {
    const model = { ...this._model, id: this._model.id || this._sheet.spreadsheet.nextChartId++ };
    return new EmbeddedChart(this.view, this._sheet, {
      ...model,
      ranges: model.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
      options: { ...model.options },
    });
  }
}

export class EmbeddedChart extends StandIn {
  readonly kind = "EmbeddedChart";
  constructor(
    view: View,
    readonly _sheet: SheetModel,
    readonly _model: ChartModel,
  ) {
    super(view);
  }
  getId(): string {
    return `u${this._model.id}`;
  }
  getRanges(): Range[] {
    return this._model.ranges.map((r) => new Range(this.view, r.sheet, { ...r.box }));
  }
  getOptions(): { get(option: string): unknown; getOrDefault(option: string): unknown } {
    const options = { ...this._model.options };
    return { get: (o) => options[o] ?? null, getOrDefault: (o) => options[o] ?? null };
  }
}
