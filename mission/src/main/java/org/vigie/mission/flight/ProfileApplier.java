package org.vigie.mission.flight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.vigie.link.param.ParamOutcome;
import org.vigie.link.param.ParamService;

/**
 * Applies a profile's parameters ({@link ProfileParameters}) all or nothing: it reads every current value first, then
 * sets each in order confirmed by the echoed PARAM_VALUE ({@link ParamService#set}); when one is refused (a different
 * value echoed) or unanswered, it sets the ones already changed back to what they were and reports which parameter
 * failed and whether the restore held. Never leaves a half-applied profile without saying so.
 *
 * <p>Threading: call from any thread; the future completes on the parameter service's callback executor.
 */
public final class ProfileApplier {

    /** How applying a profile ended. */
    public sealed interface Result {
        /** @return a sentence for logs and refusals */
        String describe();

        /** @param settings every parameter, set and echoed */
        record Applied(List<ProfileParameters.Setting> settings) implements Result {
            @Override
            public String describe() {
                StringBuilder b = new StringBuilder("profile applied:");
                for (ProfileParameters.Setting s : settings) {
                    b.append(' ').append(s.name()).append('=').append(num(s.value()));
                }
                return b.toString();
            }
        }

        /**
         * @param failed       the parameter that failed
         * @param value        the value asked for
         * @param reason       why (the service's result, the value the autopilot kept)
         * @param restored     the parameters set back to their earlier values
         * @param notRestored  the parameters whose restore failed too (left changed), empty when all held
         */
        record Failed(String failed, double value, String reason, List<String> restored, List<String> notRestored)
                implements Result {
            @Override
            public String describe() {
                return "aircraft profile not applied: " + failed + " = " + num(value) + " " + reason
                        + (restored.isEmpty() ? "" : "; restored " + String.join(", ", restored))
                        + (notRestored.isEmpty() ? "" : "; could NOT restore " + String.join(", ", notRestored));
            }
        }
    }

    private final ParamService params;

    /** @param params the parameter service bound to the autopilot */
    public ProfileApplier(ParamService params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * @param settings the parameters to set, in order
     * @return the result; fails exceptionally only when the link closes
     */
    public CompletableFuture<Result> apply(List<ProfileParameters.Setting> settings) {
        List<ProfileParameters.Setting> all = List.copyOf(settings);
        double[] old = new double[all.size()];
        int[] failedAt = {-1};
        CompletableFuture<@Nullable String> reads = CompletableFuture.completedFuture(null);
        for (int i = 0; i < all.size(); i++) {
            int k = i;
            reads = reads.thenCompose(err -> err != null ? CompletableFuture.completedFuture(err)
                    : params.read(all.get(k).name()).thenApply(o -> {
                        if (!o.succeeded() || o.param() == null) {
                            failedAt[0] = k;
                            return "could not be read (" + o.result() + ")";
                        }
                        old[k] = o.param().value();
                        return null;
                    }));
        }
        return reads.thenCompose(readErr -> {
            if (readErr != null) {
                int k = failedAt[0];
                return CompletableFuture.completedFuture((Result) new Result.Failed(all.get(k).name(),
                        all.get(k).value(), readErr, List.of(), List.of()));
            }
            return setFrom(all, old, 0);
        });
    }

    private CompletableFuture<Result> setFrom(List<ProfileParameters.Setting> all, double[] old, int i) {
        if (i >= all.size()) {
            return CompletableFuture.completedFuture(new Result.Applied(all));
        }
        ProfileParameters.Setting s = all.get(i);
        return params.set(s.name(), s.value()).thenCompose(o -> {
            if (o.succeeded()) {
                return setFrom(all, old, i + 1);
            }
            String reason = reason(o, s);
            List<ProfileParameters.Setting> changed = new ArrayList<>(all.subList(0, i));
            if (o.param() == null || o.param().value() != old[i]) {
                // changed, or unknown whether it changed: set it back too
                changed.add(s);
            }
            return restore(changed, old, 0, new ArrayList<>(), new ArrayList<>())
                    .thenApply(r -> new Result.Failed(s.name(), s.value(), reason, r.get(0), r.get(1)));
        });
    }

    private static String reason(ParamOutcome o, ProfileParameters.Setting s) {
        return String.format(Locale.ROOT, "%s(range %s..%s) was %s%s", s.unit().isEmpty() ? "" : s.unit() + " ",
                num(s.min()), num(s.max()),
                o.result(),
                o.param() == null ? "" : ": the autopilot kept " + num(o.param().value()));
    }

    private CompletableFuture<List<List<String>>> restore(List<ProfileParameters.Setting> changed, double[] old, int i,
            List<String> ok, List<String> bad) {
        if (i >= changed.size()) {
            return CompletableFuture.completedFuture(List.of(ok, bad));
        }
        ProfileParameters.Setting s = changed.get(i);
        return params.set(s.name(), old[i]).thenCompose(o -> {
            (o.succeeded() ? ok : bad).add(s.name() + "=" + num(old[i]));
            return restore(changed, old, i + 1, ok, bad);
        });
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
