/**
 * MAVLink 2 message signing: {@link org.vigie.link.signing.SigningKey}, the timestamp rules
 * ({@link org.vigie.link.signing.SigningTimestamps} persisted through a {@link org.vigie.link.signing.TimestampStore}),
 * outgoing signatures ({@link org.vigie.link.signing.MavlinkSigner}), and incoming verification with replay protection
 * and an unsigned-message policy ({@link org.vigie.link.signing.SignatureChecker}, an
 * {@link org.vigie.link.signing.IncomingSignatureCheck}), a replay memory that survives restarts
 * ({@link org.vigie.link.signing.StreamTimestamps} through a {@link org.vigie.link.signing.StreamTimestampStore}), and
 * key rotation without restart ({@link org.vigie.link.signing.SigningKeyring}, whose steps are
 * {@link org.vigie.link.signing.KeyEvent}s). {@link org.vigie.link.signing.Signing} holds the constants,
 * among them the SETUP_SIGNING id a router must never forward.
 */
package org.vigie.link.signing;
