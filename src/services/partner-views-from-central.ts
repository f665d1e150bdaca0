import { AssociationResult } from "../core/association-result";
import { todayInOslo } from "../core/dates";
import { KeyValueStore, runSync, Scheduler, ViewFiles } from "./ports";
import {
  DEFAULT_VIEWS_BUDGET_MS,
  PartnerViewsOutcome,
  sharedViewsPlan,
  updatePartnerViews,
  VIEWS_STATE_KEY,
  workbookViewRegistry,
} from "./partner-views";
import { ResultsStore } from "./results-store";
import { readCentral } from "./rollup";
import { Workbook } from "../workbook/workbook";

/** «Oppdater kommunevisninger» in the bound script: services/partner-views over Apps Script ports. */

export interface PartnerViewsDeps {
  central: Workbook;
  files: ViewFiles;
  /** The last rollup's results (ResultsStore.loadLast). */
  results: ReadonlyArray<AssociationResult>;
  now: () => Date;
  store: KeyValueStore;
  scheduler: Scheduler;
  budgetMs?: number;
}

export function partnerViewsRunning(store: KeyValueStore): boolean {
  return store.get(VIEWS_STATE_KEY) !== null;
}

export function runPartnerViews(deps: PartnerViewsDeps): PartnerViewsOutcome {
  const today = todayInOslo(deps.now());
  const inputs = readCentral(deps.central, today);
  return runSync(
    updatePartnerViews(sharedViewsPlan(inputs.associations, deps.results, today), {
      registry: workbookViewRegistry(deps.central),
      files: deps.files,
      now: deps.now,
      store: deps.store,
      scheduler: deps.scheduler,
      budgetMs: deps.budgetMs ?? DEFAULT_VIEWS_BUDGET_MS,
    }),
  );
}

/**
 * «Oppdater kommunevisninger» from the central spreadsheet: over the last rollup's stored results.
 * Without a rollup there is nothing to show: any half-done update is dropped and "no_rollup" given.
 */
export function partnerViewsFromCentral(deps: Omit<PartnerViewsDeps, "results">): PartnerViewsOutcome | "no_rollup" {
  const results = new ResultsStore(deps.central).loadLast().map((r) => r.result);
  if (!results.length) {
    deps.store.delete(VIEWS_STATE_KEY);
    deps.scheduler.cancel();
    return "no_rollup";
  }
  return runPartnerViews({ ...deps, results });
}
