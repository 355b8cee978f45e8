/* Calls at the edges: numbers no table has (-1 and 2**31, past 2**31 - 1
 * as unsigned), one below 1024 with no name, and recv(MSG_TRUNC), which
 * returns a datagram's length beyond the 4 bytes the buffer holds. */
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char big[200], small[8];
	int sv[2];

	(void)syscall(-1L, 1, 2, 3, 4, 5, 6);
	(void)syscall(0x80000000L, 1, 2, 3, 4, 5, 6);
	(void)syscall(500, 1, 2, 3, 4, 5, 6);
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return 2;
	memset(big, 'A', sizeof big);
	memset(small, 'b', sizeof small);
	(void)send(sv[0], big, sizeof big, 0);
	return recv(sv[1], small, 4, MSG_TRUNC) == 200 ? 0 : 3;
}
