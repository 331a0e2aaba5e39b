#!/usr/bin/env bash
# An example command for `tack worker`: it reads the card, reports progress, leaves a comment
# on the card, and succeeds -- unless the card is tagged "fail" or its title starts with "fail".
#
#   tack worker --from Todo --to Done --doing Doing --fail Failed --exec examples/worker-echo.sh
#
# The worker runs it with the card as one line of JSON on standard input and these variables set:
# TACK_DB, TACK_BOARD, TACK_CARD_ID, TACK_CARD_TITLE, TACK_RUN_ID, TACK_ATTEMPT, TACK_ACTOR.
# Exit 0 moves the card to --to; any other exit retries it (up to --max-attempts), then fails it.
# Everything printed (stdout and stderr) goes to the run's log; the last lines show in `tack runs`.
#
# The worker sets TACK to the command line of its own tack (on PATH or not: an alias, a jar built
# from source), so the script talks to the same tack, database and board as the worker.
set -euo pipefail

card_json=$(cat)
tack=${TACK:-tack}

echo "card #${TACK_CARD_ID}: ${TACK_CARD_TITLE} (attempt ${TACK_ATTEMPT}, run ${TACK_RUN_ID})"
echo "read ${#card_json} bytes of card JSON"

# A tiny look into the JSON without jq: is the card tagged "fail"?
tagged_fail=no
if [[ $card_json =~ \"tags\":\[([^]]*)\] ]] && [[ ${BASH_REMATCH[1]} == *'"fail"'* ]]; then
    tagged_fail=yes
fi

for step in 1 2 3; do
    echo "step ${step}/3"
done

if [[ $tagged_fail == yes || ${TACK_CARD_TITLE,,} == fail* ]]; then
    # $tack is deliberately unquoted: it may be a command with arguments.
    $tack comment "$TACK_CARD_ID" "worker-echo: giving up on attempt ${TACK_ATTEMPT}" >/dev/null
    echo "this card asks to fail" >&2
    exit 1
fi

$tack comment "$TACK_CARD_ID" "worker-echo: echoed on attempt ${TACK_ATTEMPT}" >/dev/null
echo "done"
exit 0
