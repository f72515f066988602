/**
 * MISB ST 0601 (UAS Datalink Local Set) KLV video metadata: one value record per tag with the standard's integer
 * mappings ({@link org.vigie.mission.misb.St0601Value}), an allocation-free encoder
 * ({@link org.vigie.mission.misb.St0601Encoder}), a decoder that never throws on bad bytes
 * ({@link org.vigie.mission.misb.St0601Decoder}), the assembly of a packet from a telemetry snapshot and the camera
 * footprint ({@link org.vigie.mission.misb.St0601PacketFactory}), output sinks (UDP, .klv file, memory), the
 * rate-limited {@link org.vigie.mission.misb.MetadataStreamer}, and privacy-zone flagging.
 */
package org.vigie.mission.misb;
