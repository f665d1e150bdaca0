// A google.script.run stand-in for the preview and browser tests (runs in the browser). Each call
// is a POST to /api/<target>/<function> with the arguments as JSON; it answers asynchronously, as
// Apps Script does, and calls the success or failure handler.
declare const __SAMSPILL_TARGET__: string;

interface Handlers {
  success?: (value: unknown) => void;
  failure?: (error: Error) => void;
}

function runner(handlers: Handlers): unknown {
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (name === "withSuccessHandler") return (success: Handlers["success"]) => runner({ ...handlers, success });
        if (name === "withFailureHandler") return (failure: Handlers["failure"]) => runner({ ...handlers, failure });
        if (name === "withUserObject") return () => runner(handlers);
        if (typeof name !== "string") return undefined;
        return (...args: unknown[]) => {
          fetch(`/api/${__SAMSPILL_TARGET__}/${encodeURIComponent(name)}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(args),
          })
            .then((response) => response.json())
            .then((answer: { ok: boolean; value?: unknown; error?: string }) => {
              if (answer.ok) handlers.success?.(answer.value === undefined ? null : answer.value);
              else handlers.failure?.(new Error(answer.error ?? "Ukjent feil"));
            })
            .catch((error: Error) => handlers.failure?.(new Error(`Ingen kontakt med serveren: ${error.message}`)));
        };
      },
    },
  );
}

(window as unknown as { google: unknown }).google = {
  script: { run: runner({}), host: { close: () => undefined, editor: { focus: () => undefined } } },
};
