#include "host/optionfiletree.h"

#include "common/shellquote.h"

#include <QDir>
#include <QFileInfo>

namespace {

/** For each argument: "E <path>" or "N <path>" (exists or not), then, for a readable file, the file and
 *  every file it includes (up to 4 levels): "F <size> <path>\n<content>" per file, "D <path>" per
 *  !includedir folder. */
const char* const kReadTree = R"SH(export LC_ALL=C
emit() {
  [ "$2" -gt 4 ] && return
  [ -f "$1" ] && [ -r "$1" ] || return
  printf 'F %s %s\n' "$(wc -c < "$1")" "$1"
  cat -- "$1"
  b=$(dirname -- "$1")
  grep -E '^[[:space:]]*!include' -- "$1" 2>/dev/null | while IFS= read -r l; do
    l=${l#"${l%%[![:space:]]*}"}
    case $l in
      '!includedir'*) k=D; p=${l#!includedir};;
      *) k=F; p=${l#!include};;
    esac
    p=${p#"${p%%[![:space:]]*}"}; p=${p%"${p##*[![:space:]]}"}
    case $p in /*) ;; *) p="$b/$p";; esac
    if [ "$k" = D ]; then
      [ -d "$p" ] || continue
      printf 'D %s\n' "$p"
      for g in "$p"/*.cnf; do [ -f "$g" ] && emit "$g" $(($2 + 1)); done
    else
      emit "$p" $(($2 + 1))
    fi
  done
}
for f in "$@"; do
  if [ -e "$f" ] || [ -L "$f" ]; then printf 'E %s\n' "$f"; emit "$f" 0; else printf 'N %s\n' "$f"; fi
done
exit 0
)SH";

QString clean(const QByteArray& path)
{
    return QDir::cleanPath(QString::fromUtf8(path));
}
} // namespace

OptionFileTree OptionFileTree::parse(const QByteArray& out)
{
    OptionFileTree tree;
    qsizetype pos = 0;
    while (pos < out.size()) {
        const qsizetype nl = out.indexOf('\n', pos);
        if (nl < 0)
            break;
        const QByteArray head = out.mid(pos, nl - pos);
        pos = nl + 1;
        if (head.startsWith("E ") || head.startsWith("N ")) {
            tree.m_checked.insert(clean(head.mid(2)), head.startsWith('E'));
        } else if (head.startsWith("D ")) {
            tree.m_dirs << clean(head.mid(2));
        } else if (head.startsWith("F ")) {
            const qsizetype sp = head.indexOf(' ', 2);
            bool ok = false;
            const qsizetype size = head.mid(2, sp - 2).toLongLong(&ok);
            if (sp < 0 || !ok || size < 0 || pos + size > out.size())
                break; // cut short: what came before stands, the rest is read file by file
            tree.m_files.insert(clean(head.mid(sp + 1)), out.mid(pos, size));
            pos += size;
        } else {
            break;
        }
    }
    return tree;
}

QString OptionFileTree::readScript()
{
    return QLatin1String(kReadTree);
}

Result<OptionFileTree> OptionFileTree::read(HostShell& shell, const QStringList& startFiles, int timeoutMs)
{
    QStringList args;
    for (const QString& f : startFiles)
        args << Shell::quote(f);
    auto r = shell.run(
        QStringLiteral("set -- %1\n").arg(args.join(QLatin1Char(' '))) + QLatin1String(kReadTree), timeoutMs);
    if (!r)
        return std::unexpected(r.error());
    return parse(r->out);
}

std::optional<bool> OptionFileTree::exists(const QString& path) const
{
    const QString p = QDir::cleanPath(path);
    if (m_checked.contains(p))
        return m_checked.value(p);
    if (m_files.contains(p))
        return true;
    return std::nullopt;
}

std::optional<QByteArray> OptionFileTree::file(const QString& path) const
{
    const auto it = m_files.constFind(QDir::cleanPath(path));
    if (it == m_files.cend())
        return std::nullopt;
    return *it;
}

std::optional<QStringList> OptionFileTree::cnfNames(const QString& dir) const
{
    const QString d = QDir::cleanPath(dir);
    if (!m_dirs.contains(d))
        return std::nullopt;
    QStringList names;
    for (auto it = m_files.keyBegin(); it != m_files.keyEnd(); ++it)
        if (QFileInfo(*it).path() == d && it->endsWith(QLatin1String(".cnf")))
            names << QFileInfo(*it).fileName();
    names.sort();
    return names;
}
