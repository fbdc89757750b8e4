# shellcheck shell=bash
# Sourced by target.sh: the space scheduler of /build. Before its build a target reserves
# the bytes its object dir is predicted to fill (from the plan's cost table); it starts
# only when nothing else runs, or when its bytes and those reserved by the running targets
# fit in the limit (KB_SPACE_LIMIT, bytes: the tmpfs less a margin, computed by the host).
# It is the rule of the simulator's fitsInSpace, so that both predict the same waits.
# make -j starts several target.sh at once: a reservation is one file per running target
# in KB_SPACE_DIR, and the check-and-reserve is done under flock on one lock file there,
# so that two targets never both see room that only one of them has.

space_dir=${KB_SPACE_DIR:-/build/space}
space_file=
# Seconds the target waited for space before it started.
space_waited=0

# The bytes reserved now, or nothing and status 1 when none is: a reservation file holds
# digits only (anything else, a build's meddling, counts as nothing). Under the lock.
space_reserved() {
  local f n sum=0 any=1
  for f in "$space_dir"/*.bytes; do
    [ -f "$f" ] || continue
    any=0
    n=$(head -c 20 "$f" 2>/dev/null)
    case $n in '' | *[!0-9]*) n=0 ;; esac
    sum=$((sum + n))
  done
  echo "$sum"
  return $any
}

# space_try FILE NEED LIMIT: reserve NEED bytes in FILE if they fit now (status 0), else
# print the bytes the running targets hold (status 1).
space_try() {
  local file=$1 need=$2 limit=$3
  (
    flock 9
    if ! reserved=$(space_reserved) || [ $((reserved + need)) -le "$limit" ]; then
      echo "$need" >"$file"
      exit 0
    fi
    echo "$reserved"
    exit 1
  ) 9>"$space_dir/lock"
}

# The reservation file of NAME (ARCH/CONFIG), and the file its wait is kept in.
space_file_of() { echo "$space_dir/${1//\//-}.bytes"; }
space_waited_file_of() { echo "$space_dir/${1//\//-}.waited"; }

# space_reserve NAME NEED LIMIT: wait until NEED bytes fit (see above), then reserve them
# for NAME (ARCH/CONFIG), and keep the seconds it waited (space_waited and its .waited
# file). admit.sh runs it as a make recipe of its own, one target after another (the
# driver chains them in order): a waiting admission holds one make job slot, and the
# targets behind it wait unstarted, holding none. It sleeps between checks and never
# spins on a core.
space_reserve() {
  local name=$1 need=$2 limit=$3 start reserved logged=
  mkdir -p "$space_dir"
  space_file=$(space_file_of "$name")
  start=$(date +%s)
  until reserved=$(space_try "$space_file" "$need" "$limit"); do
    if [ -z "$logged" ]; then
      echo "kernelbuilder: $name waits for space on /build (needs $((need >> 20)) MiB, $((reserved >> 20)) MiB reserved of $((limit >> 20)) MiB)"
      logged=1
    fi
    sleep 1
  done
  space_waited=$(($(date +%s) - start))
  echo "$space_waited" >"$(space_waited_file_of "$name")"
  if [ -n "$logged" ]; then echo "kernelbuilder: $name starts after waiting ${space_waited}s for space on /build"; fi
}

# space_take NAME: the reservation admit.sh made for NAME becomes this process's to give
# back (space_release); sets space_waited from its .waited file (digits only, else 0).
space_take() {
  local f
  f=$(space_file_of "$1")
  [ -f "$f" ] && space_file=$f
  space_waited=$(head -c 20 "$(space_waited_file_of "$1")" 2>/dev/null)
  case $space_waited in '' | *[!0-9]*) space_waited=0 ;; esac
}

# Give the reservation back, once the object dir is gone.
space_release() {
  if [ -n "$space_file" ]; then rm -f "$space_file"; fi
  space_file=
}
