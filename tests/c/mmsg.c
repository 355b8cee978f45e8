/* sendmmsg/recvmmsg of two datagrams over a socketpair. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

int main(void)
{
	int sv[2];
	char in[2][8];
	struct iovec iov[2] = {{"one", 3}, {"second", 6}};
	struct iovec rio[2] = {{in[0], 8}, {in[1], 8}};
	struct mmsghdr m[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
		return 2;
	memset(m, 0, sizeof m);
	for (int i = 0; i < 2; i++) {
		m[i].msg_hdr.msg_iov = &iov[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	if (sendmmsg(sv[0], m, 2, 0) != 2)
		return 3;
	memset(m, 0, sizeof m);
	for (int i = 0; i < 2; i++) {
		m[i].msg_hdr.msg_iov = &rio[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	if (recvmmsg(sv[1], m, 2, 0, NULL) != 2)
		return 4;
	return 0;
}
