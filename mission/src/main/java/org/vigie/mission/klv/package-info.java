/**
 * KLV video metadata from a flight, on top of the {@code org.vigie.misb} ST 0601 codec: the assembly of a packet from
 * a telemetry snapshot and the camera footprint ({@link org.vigie.mission.klv.St0601PacketFactory}), the
 * rate-limited {@link org.vigie.mission.klv.MetadataStreamer}, and its output sinks (UDP, {@code .klv} file, memory).
 * Privacy-zone flagging is in {@link org.vigie.mission.klv.privacy}.
 */
package org.vigie.mission.klv;
