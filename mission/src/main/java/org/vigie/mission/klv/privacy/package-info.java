/**
 * Privacy zones for video metadata: whether a camera footprint overlaps a zone where filming is restricted, the
 * entered/left events a video pipeline uses to mask or stop recording, and a suggested gimbal attitude that keeps the
 * footprint out. Pure computation on the caller's thread.
 */
package org.vigie.mission.klv.privacy;
