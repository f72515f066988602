/*
 * Baseline for the Vigie UDP forwarding benchmark (harness, not part of the library): the least a UDP forwarder
 * can do per message on this machine. One thread, blocking recvfrom on the input socket, send on a second socket
 * connected to the output: no parsing, no routing, one datagram per system call, as mavlink-router's UDP endpoints
 * do (recvmsg/sendmsg per datagram).
 *
 * Usage: udp_relay IN_PORT OUT_PORT   (127.0.0.1). Exit 2 on bad arguments.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3 || atoi(argv[1]) <= 0 || atoi(argv[2]) <= 0) {
        fprintf(stderr, "usage: udp_relay IN_PORT OUT_PORT\n");
        return 2;
    }
    int in = socket(AF_INET, SOCK_DGRAM, 0), out = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {0}, d = {0};
    a.sin_family = d.sin_family = AF_INET;
    a.sin_addr.s_addr = d.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(atoi(argv[1]));
    d.sin_port = htons(atoi(argv[2]));
    int rb = 1 << 20;
    setsockopt(in, SOL_SOCKET, SO_RCVBUF, &rb, sizeof rb);
    if (bind(in, (struct sockaddr *) &a, sizeof a) != 0 || connect(out, (struct sockaddr *) &d, sizeof d) != 0) {
        perror("udp_relay");
        return 1;
    }
    printf("ready\n");
    fflush(stdout);
    static char buf[65536];
    for (;;) {
        ssize_t n = recv(in, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("recv");
            return 1;
        }
        send(out, buf, n, 0);
    }
}
