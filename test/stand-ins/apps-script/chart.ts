import { rangeRefOf } from "./conditional";
import { StandIn, View } from "./counting";
import { ChartModel, SheetModel } from "./model";

/** Sheet.newChart(): a subset of EmbeddedChartBuilder; the as…Chart() variants return the same builder. */
export class EmbeddedChartBuilder extends StandIn {
  readonly kind = "EmbeddedChartBuilder";
  private readonly model: Omit<ChartModel, "id"> = {
    chartType: "COLUMN",
    ranges: [],
    options: {},
    anchorRow: 1,
    anchorCol: 1,
  };
  constructor(
    view: View,
    private readonly sheet: SheetModel,
  ) {
    super(view);
  }
  addRange(range: unknown): this {
    this.model.ranges.push(rangeRefOf(range));
    return this;
  }
  asColumnChart(): this {
    this.model.chartType = "COLUMN";
    return this;
  }
  asBarChart(): this {
    this.model.chartType = "BAR";
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.model.options[option] = value;
    return this;
  }
  /** The offsets in pixels (third and fourth arguments) are not kept. */
  setPosition(anchorRowPos: number, anchorColPos: number): this {
    Object.assign(this.model, { anchorRow: anchorRowPos, anchorCol: anchorColPos });
    return this;
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this.view, {
      ...this.model,
      id: this.sheet.spreadsheet.nextChartId++,
      ranges: this.model.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
      options: { ...this.model.options },
    });
  }
}

export class EmbeddedChart extends StandIn {
  readonly kind = "EmbeddedChart";
  constructor(
    view: View,
    readonly _model: ChartModel,
  ) {
    super(view);
  }
  getOptions(): { get(option: string): unknown } {
    const options = { ...this._model.options };
    return { get: (o) => options[o] ?? null };
  }
}
