/*
 * Vigie UDP forwarding load generator (benchmark harness, not part of the library).
 *
 * Sender: blasts MAVLink frames, one per datagram, from a connected socket into the forwarder's input port,
 * cycling through a frames file; unpaced (saturation) or paced evenly at a rate (busy-wait on CLOCK_MONOTONIC, one
 * datagram per due time: no bursts). Receiver: a second thread on its own socket counts every frame that comes out
 * of the forwarder: a datagram must hold one or more whole valid MAVLink frames (length and X.25 CRC with
 * CRC_EXTRA), else it counts as bad.
 *
 * Frames file: repeated records [u16 little-endian frame length][u8 CRC_EXTRA][frame bytes], written by
 * org.vigie.bench.route.UdpForwardBenchmark from a real ArduCopter capture.
 *
 * Usage: udp_load FRAMES_FILE FORWARDER_PORT RECEIVER_PORT SECONDS RATE [HELLO_PORT]
 *   RATE 0 = unpaced. HELLO_PORT: first send a ground-station HEARTBEAT (sysid 255) from the receiver socket to
 *   that port, as a GCS would, so that a router learns the receiver as a peer and system 255 behind it.
 * Prints one line: sent=N received=M bad=B datagrams=D seconds=T receiver_drops=R (sent and received in frames,
 * bad and datagrams in datagrams received; R: datagrams the kernel dropped because the receiver's queue was full,
 * from SO_RXQ_OVFL, or -1 where unsupported)
 * Everything on 127.0.0.1. Exit 2 with a sentence on bad arguments.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_FRAMES 100000

static unsigned char *frames[MAX_FRAMES];
static int frame_len[MAX_FRAMES];
static int nframes;
static int crc_extra[1 << 24];
static atomic_long received, bad, datagrams;
static int rx_sock;

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static uint16_t crc_acc(uint16_t crc, unsigned char b) {
    unsigned char tmp = b ^ (unsigned char) (crc & 0xff);
    tmp ^= (unsigned char) (tmp << 4);
    return (uint16_t) ((crc >> 8) ^ (tmp << 8) ^ (tmp << 3) ^ (tmp >> 4));
}

/*
 * Length of the valid v1 or v2 frame at buf[0..n) whose message id is in the frames file (length and CRC with
 * CRC_EXTRA checked), or 0 if there is none.
 */
static long valid_frame(const unsigned char *buf, long n) {
    long header, msgid, total;
    if (n < 8) return 0;
    if (buf[0] == 0xFD) {
        if (n < 12) return 0;
        header = 10;
        msgid = buf[7] | buf[8] << 8 | (long) buf[9] << 16;
        total = 12 + buf[1] + ((buf[2] & 1) ? 13 : 0);
    } else if (buf[0] == 0xFE) {
        header = 6;
        msgid = buf[5];
        total = 8 + buf[1];
    } else {
        return 0;
    }
    if (total > n || crc_extra[msgid] < 0) return 0;
    uint16_t crc = 0xFFFF;
    for (long i = 1; i < header + buf[1]; i++) crc = crc_acc(crc, buf[i]);
    crc = crc_acc(crc, (unsigned char) crc_extra[msgid]);
    if (buf[header + buf[1]] != (crc & 0xff) || buf[header + buf[1] + 1] != (crc >> 8)) return 0;
    return total;
}

/* Drops of the receiver socket so far, from /proc/net/udp (its "drops" column), or -1. */
static long receiver_drops(void) {
    struct sockaddr_in a;
    socklen_t al = sizeof a;
    char want[16], line[512];
    long drops = -1;
    if (getsockname(rx_sock, (struct sockaddr *) &a, &al) != 0) return -1;
    snprintf(want, sizeof want, ":%04X", ntohs(a.sin_port));
    FILE *f = fopen("/proc/net/udp", "r");
    if (!f) return -1;
    while (fgets(line, sizeof line, f)) {
        char local[64];
        if (sscanf(line, "%*d: %63s", local) == 1 && strstr(local, want) == local + strlen(local) - strlen(want)) {
            char *last = strrchr(line, ' ');
            if (last) drops = atol(last + 1);
        }
    }
    fclose(f);
    return drops;
}

static void *receiver(void *arg) {
    (void) arg;
    static unsigned char buf[65536];
    for (;;) {
        ssize_t n = recv(rx_sock, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            return NULL;
        }
        /* a datagram holds one or more whole frames; anything else is bad */
        long at = 0, frames_in = 0;
        while (at < n) {
            long len = valid_frame(buf + at, n - at);
            if (len == 0) break;
            at += len;
            frames_in++;
        }
        atomic_fetch_add_explicit(&received, frames_in, memory_order_relaxed);
        atomic_fetch_add_explicit(&datagrams, 1, memory_order_relaxed);
        if (at < n) atomic_fetch_add_explicit(&bad, 1, memory_order_relaxed);
    }
}

static int udp_socket(int port, int bind_it) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s < 0) { perror("socket"); exit(1); }
    if (bind_it) {
        int rb = 8 << 20;
        setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rb, sizeof rb);
        if (bind(s, (struct sockaddr *) &a, sizeof a) != 0) { perror("bind receiver"); exit(1); }
    } else if (connect(s, (struct sockaddr *) &a, sizeof a) != 0) {
        perror("connect"); exit(1);
    }
    return s;
}

static void load_frames(const char *path) {
    FILE *f = fopen(path, "rb");
    unsigned char h[3];
    if (!f) { fprintf(stderr, "cannot open frames file %s: %s\n", path, strerror(errno)); exit(2); }
    for (int i = 0; i < (1 << 24); i++) crc_extra[i] = -1;
    while (nframes < MAX_FRAMES && fread(h, 1, 3, f) == 3) {
        int len = h[0] | h[1] << 8;
        unsigned char *b = malloc(len);
        if (len < 8 || fread(b, 1, len, f) != (size_t) len) { fprintf(stderr, "truncated frames file\n"); exit(2); }
        long msgid = b[0] == 0xFD ? (b[7] | b[8] << 8 | (long) b[9] << 16) : b[5];
        crc_extra[msgid] = h[2];
        frames[nframes] = b;
        frame_len[nframes++] = len;
    }
    fclose(f);
    if (nframes == 0) { fprintf(stderr, "no frames in %s\n", path); exit(2); }
}

static const unsigned char GCS_HEARTBEAT_V2[] = {
    /* HEARTBEAT from sysid 255 compid 190, MAV_TYPE_GCS; CRC filled in at start */
    0xFD, 9, 0, 0, 0, 255, 190, 0, 0, 0, 0, 0, 0, 0, 6, 8, 0, 0, 3, 0, 0};

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: udp_load FRAMES_FILE FORWARDER_PORT RECEIVER_PORT SECONDS RATE [HELLO_PORT]\n");
        return 2;
    }
    load_frames(argv[1]);
    int fwd_port = atoi(argv[2]), rx_port = atoi(argv[3]);
    double seconds = atof(argv[4]);
    long rate = atol(argv[5]);
    if (fwd_port <= 0 || rx_port <= 0 || seconds <= 0 || rate < 0) {
        fprintf(stderr, "ports must be positive, seconds > 0, rate >= 0\n");
        return 2;
    }
    rx_sock = udp_socket(rx_port, 1);
    if (argc > 6) {
        unsigned char hb[sizeof GCS_HEARTBEAT_V2];
        memcpy(hb, GCS_HEARTBEAT_V2, sizeof hb);
        uint16_t crc = 0xFFFF;
        for (int i = 1; i < 10 + 9; i++) crc = crc_acc(crc, hb[i]);
        crc = crc_acc(crc, 50); /* HEARTBEAT CRC_EXTRA */
        hb[19] = crc & 0xff;
        hb[20] = crc >> 8;
        struct sockaddr_in to = {0};
        to.sin_family = AF_INET;
        to.sin_port = htons(atoi(argv[6]));
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        for (int i = 0; i < 3; i++) sendto(rx_sock, hb, sizeof hb, 0, (struct sockaddr *) &to, sizeof to);
        usleep(200000);
    }
    pthread_t t;
    pthread_create(&t, NULL, receiver, NULL);
    int tx = udp_socket(fwd_port, 0);
    long r0 = atomic_load(&received), b0 = atomic_load(&bad), d0 = atomic_load(&datagrams);
    long start = now_ns(), end = start + (long) (seconds * 1e9), sent = 0;
    double interval = rate > 0 ? 1e9 / rate : 0;
    int i = 0;
    long now;
    while ((now = now_ns()) < end) {
        if (rate > 0 && now < start + (long) (sent * interval)) {
            __builtin_ia32_pause();
            continue;
        }
        send(tx, frames[i], frame_len[i], 0); /* a refused datagram counts as sent and lost */
        sent++;
        if (++i == nframes) i = 0;
    }
    double elapsed = (now - start) / 1e9;
    /* drain: until nothing more arrives for 200 ms, at most 3 s */
    long last = -1, deadline = now_ns() + 3000000000L;
    while (now_ns() < deadline) {
        long r = atomic_load(&received) - r0;
        if (r >= sent || r == last) break;
        last = r;
        usleep(200000);
    }
    printf("sent=%ld received=%ld bad=%ld datagrams=%ld seconds=%.3f receiver_drops=%ld\n", sent,
           atomic_load(&received) - r0, atomic_load(&bad) - b0, atomic_load(&datagrams) - d0, elapsed,
           receiver_drops());
    return 0;
}
