package org.vigie.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.vigie.audit.AuditFormat;
import org.vigie.audit.AuditVerification;
import org.vigie.audit.AuditVerifier;
import org.vigie.audit.CheckpointKeys;
import org.vigie.audit.CheckpointVerifier;
import org.vigie.audit.Ed25519Keys;
import org.vigie.audit.HmacSha256Key;

/**
 * The audit trail's command line: {@code AuditMain verify FILE [--hmac-key ID=HEX]... [--ed25519-key ID=BASE64]...}
 * verifies a trail (streaming) and prints its state: records, head hash, checkpoints (verified with the keys given),
 * and the first broken record. Exit status: 0 intact, 1 broken (first bad record printed), 2 usage or I/O error,
 * 3 intact but with a torn tail (an interrupted last write, which opening the trail cuts).
 */
public final class AuditMain {

    private AuditMain() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args command line
     * @param out  where the state goes
     * @param err  where errors go
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(usage());
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("verify") || args.length < 2) {
            err.print("unknown command: " + String.join(" ", args) + "\n" + usage());
            return 2;
        }
        Path file = Path.of(args[1]);
        List<CheckpointVerifier> keys = new ArrayList<>();
        try {
            for (int i = 2; i < args.length; i++) {
                String opt = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(opt + " needs a value");
                }
                String v = args[++i];
                int eq = v.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(opt + " takes ID=KEY, was '" + v + "'");
                }
                String id = v.substring(0, eq);
                String key = v.substring(eq + 1);
                switch (opt) {
                    case "--hmac-key" -> keys.add(new HmacSha256Key(id, AuditFormat.unhex(key)));
                    case "--ed25519-key" -> keys.add(Ed25519Keys.verifier(id, Base64.getDecoder().decode(key)));
                    default -> throw new IllegalArgumentException("unknown option " + opt);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("bad arguments: " + e.getMessage());
            err.print(usage());
            return 2;
        }
        AuditVerification v;
        try {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "no such file");
            }
            v = AuditVerifier.verify(file, keys.isEmpty() ? CheckpointKeys.none() : CheckpointKeys.of(keys));
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e);
            return 2;
        }
        out.println("file: " + file);
        out.print(v.summary());
        return switch (v.state()) {
            case INTACT -> 0;
            case BROKEN -> 1;
            case TORN_TAIL -> 3;
        };
    }

    private static String usage() {
        return """
                usage: AuditMain verify FILE [--hmac-key ID=HEX]... [--ed25519-key ID=BASE64]...
                  Verifies an audit trail (JSON Lines, hash-chained): every record well-formed, sequence numbers
                  without gaps, each record chained to the one before by SHA-256, and each signed checkpoint
                  verified with the key of its id (checkpoints naming a key not given are counted, not verified).
                  --hmac-key ID=HEX        an HMAC-SHA-256 key (e.g. the MAVLink signing key, 32 bytes in hex)
                  --ed25519-key ID=BASE64  an Ed25519 public key, X.509 encoded, in base64
                exit status: 0 intact, 1 broken (the first bad record is printed), 2 usage or I/O error,
                             3 intact but for a torn last record (an interrupted write; opening the trail cuts it)
                """;
    }
}
