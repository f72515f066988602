package org.vigie.link.signing;

import org.vigie.link.codec.MavlinkFrame;

/**
 * The link's hook for verifying incoming frames. Implemented by the signing support; a link without signing uses
 * {@link #ACCEPT_ALL}.
 *
 * <p>Threading: called on the link's event thread only (it keeps per-stream replay state without locks).
 */
@FunctionalInterface
public interface IncomingSignatureCheck {

    /** Accepts every frame, signed or not, without checking signatures (signing off). */
    IncomingSignatureCheck ACCEPT_ALL = f -> f.signed() ? SignatureVerdict.ACCEPTED_SIGNED
            : SignatureVerdict.ACCEPTED_UNSIGNED;

    /**
     * Judges one frame.
     *
     * @param frame a frame that passed the CRC check
     * @return the verdict; rejected frames are dropped and counted by the link
     */
    SignatureVerdict check(MavlinkFrame frame);
}
