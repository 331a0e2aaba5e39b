
# ---------------------------------------------------------------------------------------------
# Added by tack's build (src/dist/completion-names.bash, appended by src/dist/generate.sh) to the
# script that picocli generated above: column and board names. They are read from the board file
# that the command line points at (--db, --board, TACK_DB, or the nearest .tack/tack.db) by the
# hidden command `tack __complete columns|boards`, which prints nothing where there is no board.
# ---------------------------------------------------------------------------------------------

# Options that take a value, collected from the generated script at build time.
_tack_value_options=" @VALUE_OPTIONS@ "

# _tack_names columns|boards: sets COMPREPLY to the names that start with the current word.
function _tack_names() {
  local kind=$1 cur=${COMP_WORDS[COMP_CWORD]} i next args=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --db|--board)
        next=$((i + 1))
        [[ ${COMP_WORDS[next]} == "=" ]] && next=$((i + 2))
        [[ $next -lt $COMP_CWORD ]] && args+=("${COMP_WORDS[i]}" "${COMP_WORDS[next]/#\~/$HOME}")
        ;;
    esac
  done
  local IFS=$'\n' name quoted=()
  COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" "${args[@]}" __complete "$kind" 2>/dev/null)" -- "$cur") )
  for name in "${COMPREPLY[@]}"; do printf -v name '%q' "$name"; quoted+=("$name"); done  # In review -> In\ review
  COMPREPLY=( "${quoted[@]}" )
}

function _complete_tack_with_names() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  [[ $prev == "=" && $COMP_CWORD -ge 2 ]] && prev=${COMP_WORDS[COMP_CWORD-2]}
  case $prev in
    -c|--column|--from|--to|--doing|--fail) _tack_names columns; return 0 ;;
    --board) _tack_names boards; return 0 ;;
    --db) COMPREPLY=( $(compgen -f -- "$cur") ); return 0 ;;
  esac
  # The words before the current one that are neither options nor their values: the command,
  # its subcommand and the positional parameters typed so far.
  local i w words=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ $w == -* ]]; then
      [[ $_tack_value_options == *" $w "* ]] && i=$((i + 1))
      [[ ${COMP_WORDS[i]} == "=" ]] && i=$((i + 1))
      continue
    fi
    words+=("$w")
  done
  case "${words[*]}" in
    "column rename"|"column rm"|"column move"|"column wip") _tack_names columns; return 0 ;;
    "board rename"|"board rm") _tack_names boards; return 0 ;;
  esac
  if [[ ${words[0]} == mv && ${#words[@]} -eq 2 ]]; then  # tack mv ID <COLUMN>
    _tack_names columns; return 0
  fi
  _complete_tack "$@"
}

complete -F _complete_tack_with_names -o default tack
