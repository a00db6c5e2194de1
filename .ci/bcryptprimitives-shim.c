/*
 * Test harness only, never shipped: a stand-in for Windows' bcryptprimitives.dll under Wine 8.
 *
 * Rust's standard library gets random bytes (for HashMap seeds) from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10/11 has but Debian 12's Wine 8 does not, so an
 * unmodified Rust .exe fails to start there. .ci/windows.sh builds this file with mingw into a
 * DLL placed beside the .exe in its Wine test folder; real Windows never sees it.
 */
#include <windows.h>

/* advapi32's RtlGenRandom, exported as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
