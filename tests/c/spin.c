/* System calls without end, none of which -t n records. */
#include <unistd.h>

int main(void)
{
	for (;;)
		(void)getppid();
}
