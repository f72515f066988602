package org.vigie.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a trail file, streaming (memory bounded by the longest record): each record well-formed, sequence numbers
 * from 0 without gaps, each {@code prev} equal to the SHA-256 of the previous record's exact bytes, and each
 * checkpoint's signature for the keys given. Stops at the first bad record and names it ({@link ChainBreak}).
 *
 * <p>When a record's {@code prev} does not match, the record after it decides which of the two was changed: if it
 * chains to the mismatching record (or there is none), the record before was altered; otherwise the mismatching
 * record itself was. Records after the last checkpoint are chained but not attested; the last record can be altered
 * undetectably until a checkpoint follows it, which is why the trail writes checkpoints periodically and on close.
 * Stateless and thread-safe.
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /**
     * @param file a trail file
     * @param keys the checkpoint keys trusted
     * @return the verdict
     * @throws IOException if the file cannot be read (not for a bad trail: that is {@link AuditVerification.State#BROKEN})
     */
    public static AuditVerification verify(Path file, CheckpointKeys keys) throws IOException {
        try (AuditReader r = AuditReader.open(file)) {
            return verify(r, keys);
        }
    }

    /**
     * @param in   a trail's bytes (closed when done)
     * @param keys the checkpoint keys trusted
     * @return the verdict
     * @throws IOException if reading fails
     */
    public static AuditVerification verify(InputStream in, CheckpointKeys keys) throws IOException {
        try (AuditReader r = AuditReader.of(in)) {
            return verify(r, keys);
        }
    }

    private static AuditVerification verify(AuditReader reader, CheckpointKeys keys) throws IOException {
        Tally t = new Tally();
        @Nullable AuditRecord prev = null;
        long validBytes = 0;
        while (true) {
            AuditRecord r;
            try {
                r = reader.next();
            } catch (AuditFormatException e) {
                return t.broken(new ChainBreak(e.line(), e.offset(), -1, e.detail()), prev, validBytes);
            }
            if (r == null) {
                break;
            }
            long expectedSeq = prev == null ? 0 : prev.seq() + 1;
            String expectedPrev = prev == null ? AuditFormat.GENESIS_PREV : prev.sha256();
            if (r.seq() != expectedSeq) {
                String why = r.seq() > expectedSeq
                        ? "seq " + r.seq() + " where " + expectedSeq + " was expected: record(s) " + expectedSeq
                        + (r.seq() - 1 > expectedSeq ? ".." + (r.seq() - 1) : "") + " are missing (deleted)"
                        : "seq " + r.seq() + " where " + expectedSeq + " was expected: a record inserted, repeated or"
                        + " moved out of order";
                return t.broken(new ChainBreak(r.line(), r.offset(), r.seq(), why), prev, validBytes);
            }
            if (!r.prevSha256().equals(expectedPrev)) {
                return t.broken(unchained(reader, prev, r), prev, validBytes);
            }
            if (r.type().equals(Checkpoints.TYPE)) {
                ChainBreak bad = checkpoint(r, keys, t);
                if (bad != null) {
                    return t.broken(bad, prev, validBytes);
                }
            } else {
                t.afterCheckpoint++;
            }
            t.records++;
            prev = r;
            validBytes = reader.validBytes();
        }
        long torn = reader.tornTailBytes();
        return t.result(torn > 0 ? AuditVerification.State.TORN_TAIL : AuditVerification.State.INTACT, prev,
                validBytes, torn, null);
    }

    private static ChainBreak unchained(AuditReader reader, @Nullable AuditRecord before, AuditRecord r)
            throws IOException {
        if (before == null) {
            return new ChainBreak(r.line(), r.offset(), r.seq(), "the first record's prev must be 64 zeros, was "
                    + r.prevSha256());
        }
        @Nullable AuditRecord next;
        try {
            next = reader.next();
        } catch (AuditFormatException e) {
            next = null;
        }
        if (next == null || next.prevSha256().equals(r.sha256())) {
            return new ChainBreak(before.line(), before.offset(), before.seq(), "this record was altered: its bytes hash"
                    + " to " + before.sha256() + " but line " + r.line() + " (seq " + r.seq() + ") records prev "
                    + r.prevSha256());
        }
        return new ChainBreak(r.line(), r.offset(), r.seq(), "prev " + r.prevSha256() + " differs from the SHA-256 "
                + before.sha256() + " of line " + before.line() + " (seq " + before.seq() + ") and line " + next.line()
                + " does not chain to this record either: this record was altered");
    }

    private static @Nullable ChainBreak checkpoint(AuditRecord r, CheckpointKeys keys, Tally t) {
        String keyId = r.text("keyId");
        String alg = r.text("alg");
        String sig = r.text("sig");
        if (keyId == null || alg == null || sig == null) {
            return new ChainBreak(r.line(), r.offset(), r.seq(), "checkpoint without keyId, alg and sig");
        }
        t.checkpoints++;
        t.lastCheckpointSeq = r.seq();
        t.afterCheckpoint = 0;
        CheckpointVerifier v = keys.find(keyId);
        if (v == null) {
            t.unverified++;
            return null;
        }
        if (!v.algorithm().equals(alg)) {
            return new ChainBreak(r.line(), r.offset(), r.seq(), "checkpoint says key '" + keyId + "' is " + alg
                    + " but that key is " + v.algorithm());
        }
        byte[] s;
        try {
            s = Base64.getDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return new ChainBreak(r.line(), r.offset(), r.seq(), "checkpoint signature is not base64");
        }
        if (!v.verify(Checkpoints.message(r.seq(), r.prevSha256(), keyId, alg), s)) {
            return new ChainBreak(r.line(), r.offset(), r.seq(), "checkpoint signature does not verify with key '"
                    + keyId + "' (" + alg + "): forged, or the records before it were rewritten");
        }
        t.verified++;
        return null;
    }

    private static final class Tally {
        long records;
        long checkpoints;
        long verified;
        long unverified;
        long lastCheckpointSeq = -1;
        long afterCheckpoint;

        AuditVerification broken(ChainBreak b, @Nullable AuditRecord last, long validBytes) {
            return result(AuditVerification.State.BROKEN, last, validBytes, 0, b);
        }

        AuditVerification result(AuditVerification.State s, @Nullable AuditRecord last, long validBytes, long torn,
                                 @Nullable ChainBreak b) {
            return new AuditVerification(s, records, last == null ? -1 : last.seq(),
                    last == null ? AuditFormat.GENESIS_PREV : last.sha256(), validBytes, torn, checkpoints, verified,
                    unverified, lastCheckpointSeq, afterCheckpoint, b);
        }
    }
}
