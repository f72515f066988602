package org.vigie.link.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.link.Subscription;
import org.vigie.link.time.Cancellable;
import org.vigie.link.time.Scheduler;

/**
 * The signing keys of one link end, rotated without a restart. Shared by the end's {@link MavlinkSigner} (which signs
 * with {@link #outgoing()}) and its {@link SignatureChecker} (which accepts {@link #accepted()}).
 *
 * <p>Life of a rotation ({@link KeyRotationOptions}):
 * <ol>
 *   <li>{@link #install}: the new key is accepted beside the current one; outgoing frames keep the current key
 *       ({@link KeyEvent.KeyInstalled});</li>
 *   <li>outgoing frames switch to the new key at the first of: a frame signed with it accepted from a peer (when
 *       {@code followPeer}; {@link KeyEvent.NewKeyHeard} then {@link KeyEvent.OutgoingSwitched}),
 *       {@link #switchOutgoing()}, or {@code install + switchAfter};</li>
 *   <li>at {@code install + switchover} (or on {@link #retireNow()}) the old key is retired
 *       ({@link KeyEvent.KeyRetired}): frames signed with it are refused as
 *       {@link SignatureVerdict#REJECTED_RETIRED_KEY} and counted. The last {@value #RETIRED_KEPT} retired keys are
 *       remembered to tell those frames from forgeries.</li>
 * </ol>
 * Replay protection is per stream and independent of the key: timestamps keep increasing across a rotation.
 *
 * <p>Threading: the state is an immutable snapshot swapped on the scheduler's event thread; {@link #outgoing()},
 * {@link #accepted()} and {@link #retired()} may be read from any thread. {@link #install}, {@link #switchOutgoing}
 * and {@link #retireNow} post to the event thread and return futures. Events go to listeners on the callback
 * executor, one at a time, in order.
 */
public final class SigningKeyring {

    /** Retired keys remembered (older ones are forgotten: their frames then count as bad signatures). */
    public static final int RETIRED_KEPT = 4;

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyring.class);

    /**
     * One immutable state of the keyring.
     *
     * @param current   the key in use (the old one during a switchover)
     * @param next      the key being introduced, or null outside a switchover
     * @param switched  whether outgoing frames use {@code next}
     * @param heard     whether a peer's frame signed with {@code next} was accepted
     * @param retired   retired keys, newest first
     */
    record State(SigningKey current, @Nullable SigningKey next, boolean switched, boolean heard,
                 List<SigningKey> retired) {
        SigningKey outgoing() {
            return switched && next != null ? next : current;
        }
    }

    private final @Nullable Scheduler scheduler;
    private final @Nullable Executor callbacks;
    private final KeyRotationOptions options;
    private volatile State state;
    private final List<Cancellable> timers = new ArrayList<>();
    private final CopyOnWriteArrayList<Consumer<KeyEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<KeyEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private SigningKeyring(SigningKey key, @Nullable Scheduler scheduler, @Nullable Executor callbacks,
                           KeyRotationOptions options) {
        this.state = new State(requireUsable(key), null, false, false, List.of());
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.options = options;
    }

    /**
     * A keyring of one key that never rotates ({@link #install} fails): what a signer or checker built from a single
     * key uses.
     *
     * @param key the key
     * @return the keyring
     */
    public static SigningKeyring fixed(SigningKey key) {
        return new SigningKeyring(Objects.requireNonNull(key, "key"), null, null, KeyRotationOptions.defaults());
    }

    /**
     * A keyring that can rotate.
     *
     * @param key       the key in use now
     * @param scheduler the event thread and clock of the link that uses it
     * @param callbacks where listeners run (the link's callback executor)
     * @param options   switchover length, switch deadline, following the peer
     * @return the keyring
     */
    public static SigningKeyring open(SigningKey key, Scheduler scheduler, Executor callbacks,
                                      KeyRotationOptions options) {
        return new SigningKeyring(Objects.requireNonNull(key, "key"), Objects.requireNonNull(scheduler, "scheduler"),
                Objects.requireNonNull(callbacks, "callbacks"), Objects.requireNonNull(options, "options"));
    }

    private static SigningKey requireUsable(SigningKey key) {
        Objects.requireNonNull(key, "key");
        return key;
    }

    /** @return the key outgoing frames are signed with now (any thread) */
    public SigningKey outgoing() {
        return state.outgoing();
    }

    /** @return the keys incoming frames may be signed with now: the current one, and the new one during a
     *     switchover (any thread) */
    public List<SigningKey> accepted() {
        State s = state;
        return s.next == null ? List.of(s.current) : List.of(s.current, s.next);
    }

    /** @return the retired keys still remembered, newest first (any thread) */
    public List<SigningKey> retired() {
        return state.retired;
    }

    /** @return whether a switchover is in progress (two keys accepted) */
    public boolean inSwitchover() {
        return state.next != null;
    }

    /** @return the rotation options */
    public KeyRotationOptions options() {
        return options;
    }

    State state() {
        return state;
    }

    /**
     * Adds a listener for the key events (for the audit trail).
     *
     * @param listener called on the callback executor, in order
     * @return handle to remove it
     */
    public Subscription onEvent(Consumer<KeyEvent> listener) {
        return Subscription.register(listeners, listener);
    }

    /**
     * Installs a new key beside the current one and starts the switchover.
     *
     * @param key the new key: not the all-zero key, not the current key, not a retired one
     * @return completes (on the event thread) with the install event; fails with {@link IllegalStateException} if a
     *     switchover is already in progress, or with {@link IllegalArgumentException} if the key was used before
     * @throws IllegalArgumentException if the key is the all-zero key
     * @throws IllegalStateException if this keyring was built with {@link #fixed}
     */
    public CompletableFuture<KeyEvent.KeyInstalled> install(SigningKey key) {
        Objects.requireNonNull(key, "key");
        if (key.isZero()) {
            throw new IllegalArgumentException("the all-zero key disables MAVLink signing; it cannot be installed");
        }
        Scheduler sch = requireRotating();
        CompletableFuture<KeyEvent.KeyInstalled> f = new CompletableFuture<>();
        sch.execute(() -> {
            State s = state;
            if (s.next != null) {
                f.completeExceptionally(new IllegalStateException("key " + s.next.fingerprint() + " is still being "
                        + "switched to (until its switchover ends or retireNow()); install " + key.fingerprint()
                        + " afterwards"));
                return;
            }
            if (key.equals(s.current) || s.retired.contains(key)) {
                f.completeExceptionally(new IllegalArgumentException("key " + key.fingerprint()
                        + (key.equals(s.current) ? " is already the current key" : " was retired; never reuse a key")));
                return;
            }
            Instant now = sch.now();
            state = new State(s.current, key, options.switchAfter().isZero(), false, s.retired);
            KeyEvent.KeyInstalled ev = new KeyEvent.KeyInstalled(now, key.fingerprint(), s.current.fingerprint(),
                    now.plus(options.switchAfter()), now.plus(options.switchover()));
            LOG.info("signing key {} installed beside {}; switch by {}, {} retired at {}", ev.keyId(),
                    ev.currentKeyId(), ev.switchBy(), ev.currentKeyId(), ev.retireAt());
            emit(ev);
            if (options.switchAfter().isZero()) {
                emit(new KeyEvent.OutgoingSwitched(now, s.current.fingerprint(), key.fingerprint(),
                        KeyEvent.SwitchReason.DEADLINE));
            } else {
                timers.add(sch.schedule(options.switchAfter(), () -> switchTo(key, KeyEvent.SwitchReason.DEADLINE)));
            }
            timers.add(sch.schedule(options.switchover(), () -> retire(key, false)));
            f.complete(ev);
        });
        return f;
    }

    /**
     * Switches outgoing frames to the new key now (e.g. a centre that knows every drone has it).
     *
     * @return completes on the event thread; true if it switched now, false if there was nothing to switch to or
     *     it had already switched
     */
    public CompletableFuture<Boolean> switchOutgoing() {
        Scheduler sch = requireRotating();
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        sch.execute(() -> {
            State s = state;
            f.complete(s.next != null && switchTo(s.next, KeyEvent.SwitchReason.REQUESTED));
        });
        return f;
    }

    /**
     * Ends the switchover now: outgoing frames use the new key and the old key is retired (e.g. the old key leaked).
     *
     * @return completes on the event thread; true if a key was retired, false if no switchover was in progress
     */
    public CompletableFuture<Boolean> retireNow() {
        Scheduler sch = requireRotating();
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        sch.execute(() -> {
            State s = state;
            f.complete(s.next != null && retire(s.next, true));
        });
        return f;
    }

    /** Called by the checker on the event thread when a frame signed with the new key was accepted. */
    void heard(SigningKey key, int sysId, int compId, int linkId) {
        State s = state;
        if (s.next == null || !s.next.equals(key) || s.heard || scheduler == null) {
            return;
        }
        state = new State(s.current, s.next, s.switched, true, s.retired);
        emit(new KeyEvent.NewKeyHeard(scheduler.now(), key.fingerprint(), sysId, compId, linkId));
        if (options.followPeer()) {
            switchTo(key, KeyEvent.SwitchReason.PEER_SIGNED_WITH_IT);
        }
    }

    private boolean switchTo(SigningKey key, KeyEvent.SwitchReason reason) {
        State s = state;
        if (s.next == null || !s.next.equals(key) || s.switched) {
            return false;
        }
        state = new State(s.current, s.next, true, s.heard, s.retired);
        emit(new KeyEvent.OutgoingSwitched(Objects.requireNonNull(scheduler, "rotating").now(),
                s.current.fingerprint(), key.fingerprint(), reason));
        LOG.info("outgoing frames now signed with key {} ({})", key.fingerprint(), reason);
        return true;
    }

    private boolean retire(SigningKey key, boolean early) {
        State s = state;
        if (s.next == null || !s.next.equals(key)) {
            return false;
        }
        if (!s.switched) {
            switchTo(key, early ? KeyEvent.SwitchReason.REQUESTED : KeyEvent.SwitchReason.DEADLINE);
            s = state;
        }
        List<SigningKey> retired = new ArrayList<>(RETIRED_KEPT);
        retired.add(s.current);
        for (SigningKey k : s.retired) {
            if (retired.size() < RETIRED_KEPT) {
                retired.add(k);
            }
        }
        state = new State(key, null, false, false, List.copyOf(retired));
        timers.forEach(Cancellable::cancel);
        timers.clear();
        emit(new KeyEvent.KeyRetired(Objects.requireNonNull(scheduler, "rotating").now(), s.current.fingerprint(),
                key.fingerprint(), early));
        LOG.info("signing key {} retired{}; only {} accepted from now", s.current.fingerprint(),
                early ? " early" : "", key.fingerprint());
        return true;
    }

    private Scheduler requireRotating() {
        if (scheduler == null) {
            throw new IllegalStateException("this keyring holds one fixed key; build it with SigningKeyring.open(...) "
                    + "to rotate keys");
        }
        return scheduler;
    }

    private void emit(KeyEvent e) {
        Executor ex = callbacks;
        if (ex == null) {
            return;
        }
        pending.add(e);
        drain(ex);
    }

    private void drain(Executor ex) {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        ex.execute(() -> {
            try {
                KeyEvent e;
                while ((e = pending.poll()) != null) {
                    for (Consumer<KeyEvent> l : listeners) {
                        try {
                            l.accept(e);
                        } catch (RuntimeException x) {
                            LOG.warn("key event listener failed on {}", e, x);
                        }
                    }
                }
            } finally {
                draining.set(false);
                if (!pending.isEmpty()) {
                    drain(ex);
                }
            }
        });
    }

    @Override
    public String toString() {
        State s = state;
        return "SigningKeyring[current=" + s.current.fingerprint()
                + (s.next != null ? " next=" + s.next.fingerprint() + (s.switched ? " (outgoing)" : "") : "")
                + " retired=" + s.retired.size() + "]";
    }
}
