/**
 * The MISB ST 0601 (UAS Datalink Local Set) KLV codec, alone: one value record per tag with the standard's integer
 * mappings ({@link org.vigie.misb.St0601Value}, {@link org.vigie.misb.LinearMapping}), BER lengths and the checksum
 * ({@link org.vigie.misb.Klv}), an allocation-free encoder ({@link org.vigie.misb.St0601Encoder}) and a decoder that
 * never throws on bad bytes ({@link org.vigie.misb.St0601Decoder}). Pure: no I/O, no threads, nothing of Vigie; every
 * type is immutable or confined to its caller's thread.
 */
package org.vigie.misb;
