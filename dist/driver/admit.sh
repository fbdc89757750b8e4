#!/bin/bash
# Admit one target of the driver's make to /build (space.sh): wait until its predicted
# object dir fits beside those of the targets admitted and not yet done, then reserve it;
# target.sh, the recipe that builds it next, takes the reservation over and gives it back
# at its end. Its one argument is the target spec, ARCH|NAME|BASE|OBJDIR_BYTES|TEST|COMPILER[|...].
# Without KB_SPACE_LIMIT or a prediction there is nothing to wait for. Always exits 0: a
# target never fails here, it only waits.
set -uo pipefail
IFS='|' read -r -a spec <<<"$1"
arch=${spec[0]} config=${spec[1]} predicted=${spec[3]-}
here=$(dirname "$(readlink -f "$0")")
# shellcheck source=src/driver/space.sh
. "$here/space.sh"
# Whole numbers of bytes only (bash's arithmetic would evaluate anything else).
if [[ ${KB_SPACE_LIMIT-} =~ ^[1-9][0-9]{0,15}$ && $predicted =~ ^[1-9][0-9]{0,15}$ ]]; then space_reserve "$arch/$config" "$predicted" "$KB_SPACE_LIMIT"; fi
exit 0
