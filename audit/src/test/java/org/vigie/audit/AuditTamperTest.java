package org.vigie.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of tampering is found, at the record that was tampered with. */
class AuditTamperTest {

    static final HmacSha256Key KEY = AuditTrailTest.KEY;

    @TempDir
    Path dir;
    List<byte[]> lines;

    @BeforeEach
    void write() throws Exception {
        Path f = dir.resolve("t.jsonl");
        try (AuditTrail t = AuditTrail.open(f, AuditTrailOptions.defaults().withSigner(KEY)
                .withCheckpoints(5, java.time.Duration.ofHours(1)))) {
            for (int i = 0; i < 20; i++) {
                t.append(AuditEntry.of(AuditTrailTest.T0.plusSeconds(i), "fact").with("i", i)
                        .with("text", "record number " + i));
            }
            t.flushed().get(10, TimeUnit.SECONDS);
        }
        lines = split(Files.readAllBytes(f));
        assertThat(verify(lines).state()).isEqualTo(AuditVerification.State.INTACT);
    }

    static List<byte[]> split(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        return out;
    }

    static AuditVerification verify(List<byte[]> ls) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] l : ls) {
            o.write(l);
        }
        return AuditVerifier.verify(new ByteArrayInputStream(o.toByteArray()), CheckpointKeys.of(KEY));
    }

    static ChainBreak broken(List<byte[]> ls) throws IOException {
        AuditVerification v = verify(ls);
        assertThat(v.state()).as(v.summary()).isEqualTo(AuditVerification.State.BROKEN);
        return v.firstBreak();
    }

    int lineOf(int i) {
        for (int k = 0; k < lines.size(); k++) {
            if (new String(lines.get(k), StandardCharsets.UTF_8).contains("\"i\":" + i + ",")) {
                return k;
            }
        }
        throw new AssertionError(i);
    }

    @Test
    void flippedByteInsideAStringIsTheAlteredRecord() throws IOException {
        int k = lineOf(7);
        byte[] l = lines.get(k).clone();
        int at = new String(l, StandardCharsets.UTF_8).indexOf("number 7") + 1;
        l[at] ^= 0x01;
        lines.set(k, l);
        ChainBreak b = broken(lines);
        assertThat(b.line()).isEqualTo(k + 1);
        assertThat(b.detail()).contains("this record was altered");
    }

    @Test
    void flippedByteBreakingTheJsonIsNamed() throws IOException {
        int k = lineOf(3);
        byte[] l = lines.get(k).clone();
        l[0] ^= 0x01;
        lines.set(k, l);
        ChainBreak b = broken(lines);
        assertThat(b.line()).isEqualTo(k + 1);
        assertThat(b.detail()).contains("JSON");
    }

    @Test
    void deletedRecordIsFoundAtTheGap() throws IOException {
        int k = lineOf(9);
        long seqAfter = k + 1;
        lines.remove(k);
        ChainBreak b = broken(lines);
        assertThat(b.line()).isEqualTo(k + 1);
        assertThat(b.seq()).isEqualTo(seqAfter);
        assertThat(b.detail()).contains("where " + k + " was expected").contains("missing");
    }

    @Test
    void insertedRecordIsFound() throws IOException {
        int k = lineOf(4);
        lines.add(k, lines.get(k - 1).clone());
        ChainBreak b = broken(lines);
        assertThat(b.line()).isEqualTo(k + 1);
        assertThat(b.detail()).contains("inserted, repeated or moved");
    }

    @Test
    void reorderedRecordsAreFound() throws IOException {
        int k = lineOf(12);
        byte[] a = lines.get(k);
        lines.set(k, lines.get(k + 1));
        lines.set(k + 1, a);
        ChainBreak b = broken(lines);
        assertThat(b.line()).isEqualTo(k + 1);
        assertThat(b.seq()).isEqualTo(k + 1);
    }

    @Test
    void truncatedLastRecordIsATornTailAndAMidFileCutIsBroken() throws IOException {
        List<byte[]> cut = new ArrayList<>(lines);
        byte[] last = cut.get(cut.size() - 1);
        cut.set(cut.size() - 1, java.util.Arrays.copyOf(last, last.length / 2));
        AuditVerification v = verify(cut);
        assertThat(v.state()).isEqualTo(AuditVerification.State.TORN_TAIL);
        assertThat(v.records()).isEqualTo(lines.size() - 1);
        assertThat(v.tornTailBytes()).isEqualTo(last.length / 2);

        int k = lineOf(5);
        byte[] l = lines.get(k);
        lines.set(k, java.util.Arrays.copyOf(l, l.length - 20));
        ChainBreak b = broken(lines);
        assertThat(b.line()).isEqualTo(k + 1);
    }

    @Test
    void rewrittenChainIsCaughtByTheNextCheckpointAndAForgedCheckpointAtItself() throws IOException {
        int k = lineOf(6);
        lines.set(k, new String(lines.get(k), StandardCharsets.UTF_8).replace("record number 6", "record number X")
                .getBytes(StandardCharsets.UTF_8));
        String prev = null;
        int firstCheckpointAfter = -1;
        for (int j = 0; j < lines.size(); j++) {
            String s = new String(lines.get(j), StandardCharsets.UTF_8);
            if (prev != null) {
                s = s.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
                lines.set(j, s.getBytes(StandardCharsets.UTF_8));
            }
            if (j > k && firstCheckpointAfter < 0 && s.contains("\"type\":\"checkpoint\"")) {
                firstCheckpointAfter = j;
            }
            if (j >= k) {
                prev = AuditFormat.hex(AuditFormat.sha256().digest(lines.get(j)));
            }
        }
        ChainBreak b = broken(lines);
        assertThat(b.line()).isEqualTo(firstCheckpointAfter + 1);
        assertThat(b.detail()).contains("does not verify with key 'k1'");

        AuditVerification noKey = AuditVerifier.verify(new ByteArrayInputStream(join(lines)), CheckpointKeys.none());
        assertThat(noKey.state()).isEqualTo(AuditVerification.State.INTACT);
        assertThat(noKey.checkpointsUnverified()).isEqualTo(noKey.checkpoints());
    }

    @Test
    void forgedCheckpointSignatureIsFoundAtTheCheckpoint() throws IOException {
        int cp = -1;
        for (int j = 0; j < lines.size() && cp < 0; j++) {
            if (new String(lines.get(j), StandardCharsets.UTF_8).contains("\"type\":\"checkpoint\"")) {
                cp = j;
            }
        }
        String forged = Base64.getEncoder().encodeToString(new byte[32]);
        String s = new String(lines.get(cp), StandardCharsets.UTF_8).replaceFirst("\"sig\":\"[^\"]+\"",
                "\"sig\":\"" + forged + "\"");
        lines.set(cp, s.getBytes(StandardCharsets.UTF_8));
        ChainBreak b = broken(lines);
        assertThat(b.line()).isEqualTo(cp + 1);
        assertThat(b.detail()).contains("checkpoint signature does not verify");
    }

    static byte[] join(List<byte[]> ls) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ls.forEach(o::writeBytes);
        return o.toByteArray();
    }
}
