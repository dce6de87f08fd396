<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../ui/monitor/alertbanner.cpp" line="+65"/>
        <source>Show the &amp;Failing Event…</source>
        <translation>显示出错的事件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare Data…</source>
        <translation>比较两边的数据(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dismiss</source>
        <translation>关闭提示(&amp;D)</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>%1 cannot replicate from %2 (%3)</source>
        <translation>%1 无法从 %2 复制（%3）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 is down</source>
        <translation>%1 已宕机</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is %2 s behind its source (alert above %3 s)</source>
        <translation>%1 的复制延迟 %2 秒（超过 %3 秒告警）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — pair %2: %3: %4</source>
        <translation>%1 — 服务器对 %2：%3：%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Because of it: %1</source>
        <translation>由此导致：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(+%n more)</source>
        <translation>
            <numerusform>（还有 %n 条）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Start Replication on %1</source>
        <translation>在 %1 上启动复制(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start &amp;Server %1</source>
        <translation>启动服务器 %1(&amp;S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Rebuild %1 from %2…</source>
        <translation>从 %2 重建 %1(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rebuild %1…</source>
        <translation>重建 %1(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>BackupTool</name>
    <message>
        <location filename="../models/copy/backuptool.cpp" line="+46"/>
        <source>install the package mariadb-backup (Debian/Ubuntu: apt-get install mariadb-backup; RHEL: dnf install MariaDB-backup), the same version as the server (%1)</source>
        <translation>安装 mariadb-backup 软件包（Debian/Ubuntu：apt-get install mariadb-backup；RHEL：dnf install MariaDB-backup），版本与服务器相同（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>install Percona XtraBackup %1 from Percona&apos;s repository (percona-release enable-only tools; then apt-get install %2 or dnf install %2)%3</source>
        <translation>从 Percona 的软件源安装 Percona XtraBackup %1（percona-release enable-only tools；然后 apt-get install %2 或 dnf install %2）%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, of release 8.0.%1 or newer (the server&apos;s)</source>
        <translation>，版本不低于 8.0.%1（服务器的版本）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>of an unknown version</source>
        <translation>（版本未知）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mariadb-backup %1 is built for another MariaDB than the server&apos;s %2: a backup tool of another major version cannot copy it</source>
        <translation>mariadb-backup %1 是为另一个 MariaDB 版本构建的，服务器是 %2：其他大版本的备份工具无法拷贝它</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>XtraBackup %1 cannot copy MySQL %2: it needs XtraBackup %3</source>
        <translation>XtraBackup %1 无法拷贝 MySQL %2：需要 XtraBackup %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>XtraBackup %1 is older than MySQL %2: XtraBackup 8.0 copies servers up to its own 8.0.x</source>
        <translation>XtraBackup %1 比 MySQL %2 旧：XtraBackup 8.0 只能拷贝不高于其自身 8.0.x 版本的服务器</translation>
    </message>
</context>
<context>
    <name>BinlogStatus</name>
    <message>
        <location filename="../models/sql/binlogstatus.cpp" line="+35"/>
        <source>the binary log is off: %1 returned nothing</source>
        <translation>binlog 已关闭：%1 没有返回任何内容</translation>
    </message>
</context>
<context>
    <name>ChunkedCompare</name>
    <message>
        <location filename="../models/actions/chunkedcompare.cpp" line="+55"/>
        <source>whole table (no key)</source>
        <translation>整张表（无键）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>all of %1</source>
        <translation>%1 全部</translation>
    </message>
    <message numerus="yes">
        <location line="+295"/>
        <source>%n table(s) compared, all equal</source>
        <translation>
            <numerusform>已比对 %n 张表，全部一致</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n range(s) differ</source>
        <translation>
            <numerusform>%n 个范围不一致</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/cli/cli.cpp" line="+57"/>
        <source>replipair-cli: %1</source>
        <translation>replipair-cli：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try &apos;replipair-cli --help&apos;.</source>
        <translation>请尝试 &apos;replipair-cli --help&apos;。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>FAILED: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/cliusage.cpp" line="+11"/>
        <source>Usage: replipair-cli COMMAND [ARGS] [OPTIONS]

Commands:
  sandbox up DIR            start two local MariaDB servers in DIR (writes DIR/pair.replipair.json)
  sandbox down DIR          stop them
  sandbox status DIR        show whether they run
  inspect PROFILE           what both servers are and every problem found; changes nothing
  plan PROFILE              the exact SQL and config diffs setup would apply (passwords redacted)
  setup PROFILE --yes       set up master-master replication and verify it
  setup PROFILE --plan FILE --yes
                            run the plan written by plan --output FILE, only while the servers
                            and option files are as they were when it was made
  status PROFILE            both sides&apos; replication state
  monitor PROFILE|FOLDER... sample both sides of every pair every --interval seconds
  compare PROFILE           compare the replicated tables of both servers while the application
                            writes: in chunks, each at one point of the binary log (exit 1: they
                            differ, 3: some chunks could not be compared, 130/143: cancelled)
  repair PROFILE --table DB.T --from NAME [--yes|--dry-run]
                            show the rows of DB.T that differ; with --yes bring the other server&apos;s
                            rows to NAME&apos;s (sql_log_bin = 0, nothing flows back to NAME)
  skip PROFILE --server N   show the event that halted N&apos;s SQL thread; with --confirm TOKEN skip
                            exactly that event and start replication again
  recover PROFILE           put back what an interrupted run (killed, machine down) changed, from
                            the journal; --dry-run shows what it would do
  switchover PROFILE --to N move the writes to server N after checking that nothing is lost
                            (--yes to do it, --dry-run to see the checks and steps); --force
                            when the writer is gone: N takes the writes, the old writer is fenced
  rebuild PROFILE --server B [--from A]
                            rebuild server B from its peer: B&apos;s replicated databases replaced
                            by an online copy of A&apos;s (B&apos;s old data saved first), both
                            directions set up again and verified (--yes to do it, --dry-run)
  rejoin PROFILE --server N bring the fenced server N back as the reader, when it holds nothing the
                            writer lacks (else rebuild it); --yes or --dry-run as for switchover

Options:
  --json                    one JSON object a line, for automation
  --yes                     confirm that setup, switchover, rejoin, rebuild or repair may change
                            the servers (without it they only show what they would do)
  --output FILE             plan: also write the plan, with its fingerprint, to FILE (JSON, for
                            setup --plan); monitor --format prometheus: write the metrics to FILE
                            (atomically, for node_exporter&apos;s textfile collector)
  --plan FILE               setup: run only the plan in FILE, and only while it still holds
  --format FORMAT           monitor: text, json or prometheus
  --nagios                  status: Nagios/Icinga exit codes (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)
                            and one line with performance data
  --warning SECONDS         status --nagios: lag that is a warning (default 10)
  --critical SECONDS        status --nagios: lag that is critical (default 60)
  --sequential              setup: one server after the other (for comparison)
  --journal FILE            setup, switchover, rejoin, rebuild, recover: the pair&apos;s journal (default: PROFILE.journal,
                            or ~/.local/share/replipair/journals/NAME-ID.journal when PROFILE is not a
                            regular file)
  --copy-from NAME          inspect/plan/setup: first copy the replicated databases from server NAME
                            to the other, online (profile: &quot;initialCopy&quot;)
  --replace-target          with a copy: the receiver&apos;s non-empty databases may be replaced (saved
                            first as a dump on its host; profile: &quot;replaceTarget&quot;)
  --interval SECONDS        monitor: sampling interval (default 1, at least 0.2)
  --once                    monitor: one round, then exit
  --server NAME             skip: the server whose SQL thread halted; rebuild: the server rebuilt;
                            rejoin: the fenced server
  --confirm TOKEN           skip: the event shown before (relay log file:position)
  --events                  monitor: also print state changes (thread stopped, error, lag, unreachable)
  --lag-threshold SECONDS   monitor: lag that raises an event (default 10)
  --timeout SECONDS         monitor: network timeout per poll (default 2); switchover: how long
                            writes may pause before the switch rolls back (default 10)
  --to NAME                 switchover: the new writer
  --dry-run                 switchover, rejoin, rebuild: print the checks and the steps; recover:
                            what would be put back; repair: the SQL it would run; none changes
                            anything
  --force                   switchover: the writer is gone; fence it and open N (see docs)
  --tables DB.T1,DB.T2      compare: only these tables
  --since COLUMN=TIME       compare: only rows whose COLUMN is at or after TIME (UTC, or 2h, 30m, 1d)
  --resume                  compare: go on from where a cancelled or failed run stopped
  --chunk-time SECONDS      compare: the time one chunk&apos;s checksum should take (default 0.5)
  --max-lag SECONDS         compare: pause while a replica is further behind (default 1)
  --table DB.T              repair: the table to repair
  --from NAME               repair: the server whose rows are right; rebuild: the server copied
  --method METHOD           rebuild: logical (default), physical or auto
  --no-save                 rebuild: do not save B&apos;s old data first (when there is no room)

Exit codes: 0 success, 1 the operation failed (switchover: refused, the old writer kept), 2 bad
input, 130/143 setup stopped by SIGINT/SIGTERM (what it changed put back as far as it could; see
recover); setup: 3 replication verified but the data could not be compared (run compare when
writes pause).
</source>
        <translation>用法：replipair-cli 命令 [参数] [选项]

命令：
  sandbox up DIR            在 DIR 中启动两台本地 MariaDB 服务器（写入 DIR/pair.replipair.json）
  sandbox down DIR          停止它们
  sandbox status DIR        显示它们是否在运行
  inspect PROFILE           两台服务器的情况以及发现的所有问题；不做任何更改
  plan PROFILE              搭建将执行的确切 SQL 和配置差异（密码已隐去）
  setup PROFILE --yes       搭建双主复制并进行验证
  setup PROFILE --plan FILE --yes
                            运行由 plan --output FILE 写出的计划，仅当服务器和配置文件
                            与生成计划时相同时才运行
  status PROFILE            两端的复制状态
  monitor PROFILE|FOLDER... 每隔 --interval 秒对每个双主配对的两端采样
  compare PROFILE           在应用写入的同时比对两台服务器的复制表：分块进行，每块在
                            binlog 的同一位点比对（退出码 1：不一致，3：部分块无法比对，
                            130/143：已取消）
  repair PROFILE --table DB.T --from NAME [--yes|--dry-run]
                            显示 DB.T 中不一致的行；加 --yes 时将另一台服务器的行修复为
                            与 NAME 一致（sql_log_bin = 0，不会复制回 NAME）
  skip PROFILE --server N   显示使 N 的 SQL 线程停止的事件；加 --confirm TOKEN 时只跳过
                            该事件并重新启动复制
  recover PROFILE           根据运行记录撤回被中断的运行（被终止、机器宕机）所做的更改；
                            --dry-run 显示将要做什么
  switchover PROFILE --to N 在确认不会丢失任何数据后将写入移动到服务器 N
                            （--yes 执行，--dry-run 查看检查项和步骤）；写入端已不可用时
                            用 --force：N 接管写入，原写入端处于隔离状态
  rebuild PROFILE --server B [--from A]
                            从对端重建服务器 B：B 的复制数据库被替换为 A 的在线拷贝
                            （先保存 B 的原有数据），两个方向重新搭建并验证
                            （--yes 执行，--dry-run 试运行）
  rejoin PROFILE --server N 当处于隔离状态的服务器 N 不含写入端缺少的数据时，让其作为只读端
                            重新加入（否则重建它）；--yes 或 --dry-run 与 switchover 相同

选项：
  --json                    每行一个 JSON 对象，供自动化使用
  --yes                     确认 setup、switchover、rejoin、rebuild 或 repair 可以更改服务器
                            （不加时只显示将要做什么）
  --output FILE             plan：同时将计划及其指纹写入 FILE（JSON，供 setup --plan 使用）；
                            monitor --format prometheus：将指标写入 FILE
                            （原子写入，供 node_exporter 的 textfile collector 使用）
  --plan FILE               setup：只运行 FILE 中的计划，且仅在其仍然成立时运行
  --format FORMAT           monitor：text、json 或 prometheus
  --nagios                  status：Nagios/Icinga 退出码（0 OK，1 WARNING，2 CRITICAL，3 UNKNOWN）
                            并输出一行性能数据
  --warning SECONDS         status --nagios：视为警告的延迟（默认 10）
  --critical SECONDS        status --nagios：视为严重的延迟（默认 60）
  --sequential              setup：逐台服务器进行（用于对照）
  --journal FILE            setup、switchover、rejoin、rebuild、recover：配对的运行记录（默认：PROFILE.journal，
                            PROFILE 不是普通文件时为
                            ~/.local/share/replipair/journals/NAME-ID.journal）
  --copy-from NAME          inspect/plan/setup：先在线将复制数据库从服务器 NAME 拷贝到另一台
                            （配对方案：&quot;initialCopy&quot;）
  --replace-target          拷贝时：接收端的非空数据库可以被替换（先在其主机上保存为
                            转储文件；配对方案：&quot;replaceTarget&quot;）
  --interval SECONDS        monitor：采样间隔（默认 1，至少 0.2）
  --once                    monitor：只采样一轮，然后退出
  --server NAME             skip：SQL 线程停止的服务器；rebuild：被重建的服务器；
                            rejoin：处于隔离状态的服务器
  --confirm TOKEN           skip：之前显示的事件（relay log 文件:位点）
  --events                  monitor：同时输出状态变化（线程停止、错误、延迟、无法访问）
  --lag-threshold SECONDS   monitor：触发事件的延迟（默认 10）
  --timeout SECONDS         monitor：每次轮询的网络超时（默认 2）；switchover：写入可暂停多久，
                            超过则回滚切换（默认 10）
  --to NAME                 switchover：新的写入端
  --dry-run                 switchover、rejoin、rebuild：输出检查项和步骤；recover：将撤回什么；
                            repair：将运行的 SQL；均不做任何更改
  --force                   switchover：写入端已不可用；将其隔离并开放 N（见文档）
  --tables DB.T1,DB.T2      compare：只比对这些表
  --since COLUMN=TIME       compare：只比对 COLUMN 不早于 TIME 的行（UTC，或 2h、30m、1d）
  --resume                  compare：从已取消或失败的运行停止处继续
  --chunk-time SECONDS      compare：一个块的校验和应耗费的时间（默认 0.5）
  --max-lag SECONDS         compare：从库延迟超过此值时暂停（默认 1）
  --table DB.T              repair：要修复的表
  --from NAME               repair：数据正确的服务器；rebuild：被拷贝的服务器
  --method METHOD           rebuild：logical（默认）、physical 或 auto
  --no-save                 rebuild：不先保存 B 的原有数据（空间不足时）

退出码：0 成功，1 操作失败（switchover：被拒绝，保留原写入端），2 输入错误，
130/143 搭建被 SIGINT/SIGTERM 停止（已尽可能撤回其更改；参见 recover）；
setup：3 复制已验证但数据无法比对（请在写入暂停时运行 compare）。
</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>
Manual: %1
</source>
        <translation>
使用手册：%1
</translation>
    </message>
    <message>
        <location filename="../app/cli/cli.cpp" line="+26"/>
        <source>Dry run: nothing was changed. The checks:</source>
        <translation>试运行：未做任何更改。检查项：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>REFUSED</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The steps it takes, in order:</source>
        <translation>按顺序执行的步骤：</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Dry run: nothing was changed. The run would be refused by the checks marked REFUSED:</source>
        <translation>试运行：未做任何更改。本次运行会被标为 REFUSED 的检查项拒绝：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No step would run: the run stops at its checks.</source>
        <translation>不会执行任何步骤：运行在检查阶段即停止。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON output.</source>
        <translation>JSON 输出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm changes.</source>
        <translation>确认更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the plan to a file.</source>
        <translation>将计划写入文件。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>One server after the other.</source>
        <translation>逐台服务器依次进行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampling interval.</source>
        <translation>采样间隔。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <location line="+1"/>
        <location line="+12"/>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+1"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>One round.</source>
        <translation>只执行一轮。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>显示版本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print state-change events.</source>
        <translation>输出状态变化事件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lag alert threshold.</source>
        <translation>延迟告警阈值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network timeout.</source>
        <translation>网络超时。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server name.</source>
        <translation>服务器名称。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+8"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Confirmed event.</source>
        <translation>已确认的事件。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy from this server first.</source>
        <translation>先从此服务器拷贝数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The copy may replace data.</source>
        <translation>拷贝时允许替换已有数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change nothing.</source>
        <translation>不做任何更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal file.</source>
        <translation>运行记录文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The approved plan.</source>
        <translation>已批准的方案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output format.</source>
        <translation>输出格式。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nagios exit codes.</source>
        <translation>使用 Nagios 退出码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning lag.</source>
        <translation>延迟警告阈值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical lag.</source>
        <translation>延迟严重阈值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new writer.</source>
        <translation>新的写入端。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The writer is gone.</source>
        <translation>写入端已不可用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume the comparison.</source>
        <translation>继续比对。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables to compare.</source>
        <translation>要比对的表。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only recent rows.</source>
        <translation>仅比对最近的行。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>column=time</source>
        <translation>列=时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table to repair.</source>
        <translation>要修复的表。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>db.table</source>
        <translation>db.table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunk time.</source>
        <translation>每块耗时。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lag that pauses.</source>
        <translation>触发暂停的延迟。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server that is right.</source>
        <translation>数据正确的服务器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How to copy.</source>
        <translation>拷贝方式。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not save the old data.</source>
        <translation>不保存原有数据。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no command given</source>
        <translation>未给出命令</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--plan FILE only goes with setup (write the file with plan --output FILE)</source>
        <translation>--plan FILE 只能与 setup 一起使用（用 plan --output FILE 写出该文件）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>%1 needs exactly one profile file</source>
        <translation>%1 需要恰好一个配对方案文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--copy-from must name %1 or %2</source>
        <translation>--copy-from 必须指定 %1 或 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--replace-target only goes with a copy (--copy-from NAME, or &quot;initialCopy&quot; in the profile)</source>
        <translation>--replace-target 只能与拷贝一起使用（--copy-from NAME，或配对方案中的 &quot;initialCopy&quot;）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--dry-run only goes with recover, switchover, repair, rebuild and rejoin</source>
        <translation>--dry-run 只能与 recover、switchover、repair、rebuild 和 rejoin 一起使用</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--method and --no-save only go with rebuild</source>
        <translation>--method 和 --no-save 只能与 rebuild 一起使用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--%1 needs a number of seconds</source>
        <translation>--%1 需要一个秒数</translation>
    </message>
</context>
<context>
    <name>CloneStatements</name>
    <message>
        <location filename="../models/copy/clonestatements.cpp" line="+21"/>
        <source>CLONE is MySQL&apos;s</source>
        <translation>CLONE 是 MySQL 的功能</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CLONE needs MySQL 8.0.17 or newer on both servers (%1 runs %2, %3 runs %4)</source>
        <translation>CLONE 需要两台服务器都是 MySQL 8.0.17 或更新版本（%1 运行 %2，%3 运行 %4）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLONE needs the same server version on both (%1 runs %2, %3 runs %4)</source>
        <translation>CLONE 需要两台服务器版本相同（%1 运行 %2，%3 运行 %4）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLONE needs the same platform on both (%1 is %2, %3 is %4)</source>
        <translation>CLONE 需要两台服务器平台相同（%1 是 %2，%3 是 %4）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the clone plugin is not active on %1 (INSTALL PLUGIN clone SONAME &apos;mysql_clone.so&apos;)</source>
        <translation>%1 上的 clone 插件未激活（INSTALL PLUGIN clone SONAME &apos;mysql_clone.so&apos;）</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>no clone was run</source>
        <translation>未运行过克隆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the clone is %1 (error %2: %3)</source>
        <translation>克隆状态为 %1（错误 %2：%3）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the clone carries no binary log coordinates (is the donor&apos;s binary log on?)</source>
        <translation>克隆未带有 binlog 位点（捐赠端的 binlog 是否已开启？）</translation>
    </message>
</context>
<context>
    <name>CompareCommand</name>
    <message>
        <location filename="../app/cli/comparecommand.cpp" line="+34"/>
        <source>--tables takes database.table names separated by commas, not &quot;%1&quot;</source>
        <translation>--tables 接受以逗号分隔的 database.table 名称，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 takes a number of seconds above 0</source>
        <translation>%1 需要一个大于 0 的秒数</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--since takes COLUMN=TIME: a UTC time (2026-12-04 10:00:00) or an age (30m, 2h, 1d)</source>
        <translation>--since 接受 COLUMN=TIME：UTC 时间（2026-12-04 10:00:00）或时长（30m、2h、1d）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>compare: nothing to resume with these options: comparing from the start</source>
        <translation>compare：按这些选项没有可继续的比对：从头开始比对</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>compare: paused (a replica lags or a source is busy): %1/%2 tables, %3 chunks, %4 rows</source>
        <translation>compare：已暂停（从库有延迟或主库繁忙）：%1/%2 张表，%3 个块，%4 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>compare: %1/%2 tables, %3 chunks, %4 rows%5</source>
        <translation>compare：%1/%2 张表，%3 个块，%4 行%5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, about %1 s left</source>
        <translation>，约剩 %1 秒</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>compare: run it again with --resume to go on from the last chunk</source>
        <translation>compare：使用 --resume 再次运行，可从最后一个块继续</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 table(s), %2 chunk(s), %3 row(s) compared; %4 range(s) differ</source>
        <translation>已比对 %1 张表、%2 个块、%3 行；%4 个范围不一致</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  differs: %1 %2 (rows: %3 %4, %5 %6)</source>
        <translation>  不一致：%1 %2（行数：%3 %4，%5 %6）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  %1 has no primary or unique key: compared whole</source>
        <translation>  %1 没有主键或唯一键：已整表比对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  %1 has no column %2: skipped</source>
        <translation>  %1 没有列 %2：已跳过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  not compared: %1</source>
        <translation>  未比对：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled: every SQL thread runs again; --resume goes on from here</source>
        <translation>已取消：所有 SQL 线程已重新运行；--resume 可从此处继续</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../ui/monitor/comparedialog.cpp" line="+24"/>
        <source>&amp;Repair…</source>
        <translation>修复(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare Data of %1 and %2</source>
        <translation>比对 %1 和 %2 的数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key range</source>
        <translation>键范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows on %1</source>
        <translation>%1 上的行数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling after the chunk under way…</source>
        <translation>正在取消，将在当前块完成后停止…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Comparing the replicated tables, chunk by chunk, while the application writes…</source>
        <translation>正在应用写入的同时逐块比对被复制的表…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Paused: a replica lags or a source is busy (%1 of %2 tables, %3 rows).</source>
        <translation>已暂停：从库有延迟或主库繁忙（%1/%2 张表，%3 行）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 tables, %3 chunks, %4 rows compared%5.</source>
        <translation>已比对 %2 张表中的 %1 张、%3 个块、%4 行%5。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, about %1 s left</source>
        <translation>，约剩 %1 秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data could not be compared: %1</source>
        <translation>数据无法比对：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled: every SQL thread runs again. </source>
        <translation>已取消：所有 SQL 线程已重新运行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The replicated data is the same on both: %1 table(s), %2 row(s) compared.</source>
        <translation>两台服务器上被复制的数据一致：已比对 %1 张表、%2 行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 key range(s) differ; %2 could not be compared.</source>
        <translation>%1 个键范围不一致；%2 个无法比对。</translation>
    </message>
</context>
<context>
    <name>CompareState</name>
    <message>
        <location filename="../models/actions/comparestate.cpp" line="+37"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+9"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ConfigFileRules</name>
    <message>
        <location filename="../models/config/configfilerules.cpp" line="+26"/>
        <source>%1 is in the !includedir folder %2, but the server reads only the *.cnf files there</source>
        <translation>%1 位于 !includedir 文件夹 %2 中，但服务器只读取其中的 *.cnf 文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not one of the option files the server reads (%2), nor a new *.cnf file in one of its !includedir folders (%3)</source>
        <translation>%1 既不是服务器读取的配置文件之一（%2），也不是其 !includedir 文件夹（%3）中新的 *.cnf 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it holds binary data, not the text of an option file</source>
        <translation>它包含二进制数据，不是配置文件的文本</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>line %1 (&quot;%2&quot;) is neither a [group], an option (name = value), a comment nor an !include line</source>
        <translation>第 %1 行（&quot;%2&quot;）既不是 [group]、选项（name = value）、注释，也不是 !include 行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line %1 (&quot;%2&quot;) is an option outside any [group]</source>
        <translation>第 %1 行（&quot;%2&quot;）是位于任何 [group] 之外的选项</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+51"/>
        <source>&quot;configFile&quot; %1 is refused: %2 — nothing was changed</source>
        <translation>&quot;configFile&quot; %1 被拒绝：%2 — 未做任何更改</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>the files the server reads could not be found out, so it cannot be checked against them (%1)</source>
        <translation>无法查明服务器读取哪些文件，因此无法据此进行检查（%1）</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+17"/>
        <source>it does not look like an option file: %1</source>
        <translation>它看起来不像配置文件：%1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>the server is down, so the files it reads cannot be found out, and the file cannot be read either (%1)</source>
        <translation>服务器已宕机，无法查出它读取的配置文件，且该文件也无法读取（%1）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the server is down, so the files it reads cannot be found out, and this file holds no settings RepliPair wrote while it ran; start the server, or name the file setup wrote</source>
        <translation>服务器已宕机，无法查出它读取的配置文件，且该文件中没有 RepliPair 在其运行时写入的设置；请启动服务器，或指定搭建时写入的文件</translation>
    </message>
</context>
<context>
    <name>ConfigFootprint</name>
    <message>
        <location filename="../models/config/configfootprint.cpp" line="+46"/>
        <source>RepliPair has written nothing into the option files of %1 (main file: %2).</source>
        <translation>RepliPair 未向 %1 的配置文件写入任何内容（主文件：%2）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source># %1 — RepliPair&apos;s own file</source>
        <translation># %1 — RepliPair 的专用文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source># %1 — the block RepliPair manages</source>
        <translation># %1 — 由 RepliPair 管理的配置块</translation>
    </message>
    <message>
        <location line="+3"/>
        <source># %1 — lines RepliPair disabled</source>
        <translation># %1 — 被 RepliPair 禁用的行</translation>
    </message>
</context>
<context>
    <name>ConfigLocator</name>
    <message>
        <location filename="../models/config/configlocator.cpp" line="+172"/>
        <source>the server (%1) was started with --no-defaults: it reads no option file, so its settings can only change on its command line. Set &quot;configFile&quot; in the profile if you know better.</source>
        <translation>服务器（%1）是以 --no-defaults 启动的：它不读取任何配置文件，因此其设置只能在命令行中更改。如果您确定，请在配对方案中设置“configFile”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--defaults-file on the command line of %1</source>
        <translation>%1 命令行中的 --defaults-file</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the server reads %1 (%2), but it cannot be read on %3</source>
        <translation>服务器读取 %1（%2），但在 %3 上无法读取它</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>--defaults-extra-file on the command line of %1</source>
        <translation>%1 命令行中的 --defaults-extra-file</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server (%1) has no --defaults-file and none of its default option files exists on %2 (%3). Set &quot;configFile&quot; in the profile.</source>
        <translation>服务器（%1）没有 --defaults-file，且其默认配置文件在 %2 上均不存在（%3）。请在配对方案中设置“configFile”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the default option file of %1 (it has no --defaults-file)</source>
        <translation>%1 的默认配置文件（它没有 --defaults-file）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the last of the default option files %1 of %2 (it has no --defaults-file)</source>
        <translation>%2 的默认配置文件 %1 中的最后一个（它没有 --defaults-file）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 also reads %2: a change there changes that server too</source>
        <translation>%1 也读取 %2：在那里的更改也会影响该服务器</translation>
    </message>
</context>
<context>
    <name>ConfigPush</name>
    <message>
        <location filename="../models/config/configpush.cpp" line="+57"/>
        <source>%1 — nothing was changed</source>
        <translation>%1 — 未做任何更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a restart is needed but no restart command is known; set &quot;restartCommand&quot; — nothing was changed</source>
        <translation>需要重启，但不知道重启命令；请设置“restartCommand”— 未做任何更改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the restart command &quot;%1&quot; cannot be run here (%2 not found) — nothing was changed</source>
        <translation>重启命令“%1”无法在此运行（未找到 %2）— 未做任何更改</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>until then, what this server applies from its peer is not written to its own binary log: the pair replicates both ways, but a third server replicating from this one (or a point-in-time recovery from its binary log) would miss those changes</source>
        <translation>在此之前，此服务器从对端应用的更改不会写入它自己的 binlog：两台服务器之间仍是双向复制，但从此服务器复制的第三台服务器（或基于其 binlog 的时间点恢复）会缺少这些更改</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>until then, this server&apos;s replica applies every database its peer logs</source>
        <translation>在此之前，此服务器作为从库会应用对端 binlog 中所有数据库的更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until then, this server&apos;s binary log keeps its present filters</source>
        <translation>在此之前，此服务器的 binlog 保持当前的过滤规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until then, replication uses file and position instead of GTIDs</source>
        <translation>在此之前，复制使用 binlog 文件和位点，而不是 GTID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until then, the server keeps its present value</source>
        <translation>在此之前，服务器保持当前值</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1. Run plan again to see the plan for the file as it is now.</source>
        <translation>%1。请再次运行 plan，查看针对该文件当前内容的方案。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 is written to the option file and takes effect at the next restart, which is left to you (the server keeps running): %2</source>
        <translation>%1 已写入配置文件，将在下次重启时生效，重启由您自行安排（服务器继续运行）：%2</translation>
    </message>
    <message>
        <location filename="../models/config/configpushrestart.cpp" line="+39"/>
        <source>the server did not come back with the new configuration: %1
The restart command may still be running on the host, so the old configuration was NOT restored and the server NOT restarted again (two restarts must not overlap); the new configuration is in place (%2) and the server %3. Next step: on the host, let the restart command end (or stop it), check that the server runs, and run setup again; to go back instead, put the backups back (%4) and restart the server by hand.</source>
        <translation>服务器未能以新配置恢复运行：%1
重启命令可能仍在主机上运行，因此没有还原旧配置，也没有再次重启服务器（两次重启不能重叠）；新配置仍在原处（%2），服务器%3。下一步：在主机上等重启命令结束（或终止它），确认服务器在运行，然后再次运行搭建；如要回退，请把备份放回（%4）并手动重启服务器。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>remove the files RepliPair created</source>
        <translation>删除 RepliPair 创建的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server did not come back with the new configuration: restoring the old one and restarting again</source>
        <translation>服务器未能以新配置恢复运行：正在恢复旧配置并再次重启</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server did not come back with the new configuration: %1
Restoring the old configuration failed: %2. The server was NOT restarted again, as its files are now neither the old nor the new configuration; the server %3. Next step: on the host, put back by hand what could not be restored (backups: %4), start the server and run setup again.</source>
        <translation>服务器未能以新配置恢复运行：%1
还原旧配置失败：%2。服务器没有再次重启，因为它的配置文件现在既不是旧配置也不是新配置；服务器%3。下一步：在主机上手动放回未能还原的文件（备份：%4），启动服务器，然后再次运行搭建。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none, the files were new</source>
        <translation>无，这些文件是新建的</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>answers on its port now</source>
        <translation>现在在其端口上有响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does NOT answer on its port now</source>
        <translation>现在在其端口上没有响应</translation>
    </message>
    <message>
        <location filename="../models/config/configpush.cpp" line="+34"/>
        <source>removed %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could NOT remove %1</source>
        <translation>未能删除 %1</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>backed up %1 to %2</source>
        <translation>已将 %1 备份到 %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+28"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 applies to new connections only: reconnect application connection pools before they write on both servers</source>
        <translation>%1 只对新连接生效：在应用程序同时向两台服务器写入之前，请重新建立其连接池</translation>
    </message>
    <message>
        <location filename="../models/config/configpushrestart.cpp" line="-69"/>
        <source>restarting the server (%1 changed): %2</source>
        <translation>正在重启服务器（%1 已更改）：%2</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>server is back up</source>
        <translation>服务器已恢复运行</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>the server is back</source>
        <translation>服务器已恢复</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>no restart needed: every changed setting is dynamic</source>
        <translation>无需重启：所有更改的设置都是动态的</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the restart was not launched after the writes</source>
        <translation>写入配置文件后未启动重启</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the server did not come back with the new configuration: %1
%2; restarted with the old configuration: %3</source>
        <translation>服务器未能以新配置恢复运行：%1
%2；已使用旧配置重启：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>server is STILL DOWN: %1. Next step: look at the output above on the host, start the server by hand and run setup again</source>
        <translation>服务器仍然宕机：%1。下一步：查看上面的输出，在主机上手动启动服务器，然后再次运行搭建</translation>
    </message>
    <message>
        <location filename="../models/config/configpush.cpp" line="+25"/>
        <source>no backup</source>
        <translation>无备份</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>restored %1 from %2</source>
        <translation>已从 %2 恢复 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could NOT restore %1 from %2: %3</source>
        <translation>未能从 %2 恢复 %1：%3</translation>
    </message>
    <message>
        <location filename="../models/config/configpushrestart.cpp" line="+71"/>
        <source>after the change: %1. Another option file may override ours.</source>
        <translation>更改之后：%1。可能有另一个配置文件覆盖了 RepliPair 的设置。</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <location filename="../models/setup/connectiontester.cpp" line="+73"/>
        <source>%1, server-id %2%3</source>
        <translation>%1，server-id %2%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, read-only</source>
        <translation>，只读</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the host key has CHANGED since it was trusted</source>
        <translation>主机密钥在被信任之后已发生变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host key is not known yet</source>
        <translation>主机密钥尚未被确认</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>not detected: %1 is another machine; tick SSH to reach it</source>
        <translation>未检测：%1 是另一台机器；请勾选 SSH 以访问它</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>CopyCheck</name>
    <message>
        <location filename="../models/copy/copycheck.cpp" line="+283"/>
        <source>database %1 is to be copied from %2, which does not have it</source>
        <translation>数据库 %1 要从 %2 拷贝，但 %2 上没有该数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create it on %1 or remove it from the profile&apos;s databases</source>
        <translation>请在 %1 上创建它，或将其从配对方案的数据库列表中删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has none of the replicated databases: nothing to copy</source>
        <translation>%1 上没有任何被复制的数据库：没有可拷贝的内容</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source> and %n more</source>
        <translation>
            <numerusform>，以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already holds %2 (%3): they will be replaced by %4&apos;s copy</source>
        <translation>%1 上已有 %2（%3）：它们将被从 %4 拷贝的数据替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the old copy is saved first as a dump in %1 on %2&apos;s host, and loaded back if the copy fails or is cancelled</source>
        <translation>原有数据会先以转储文件的形式保存在 %2 的主机上的 %1 中，拷贝失败或被取消时会重新导入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 already holds %2: a copy from %3 would replace them</source>
        <translation>%1 上已有 %2：从 %3 拷贝会替换它们</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirm replacing them (--replace-target, profile &quot;replaceTarget&quot;: true); their old copy is saved as a dump first</source>
        <translation>请确认替换它们（--replace-target，配对方案 &quot;replaceTarget&quot;: true）；原有数据会先保存为转储文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1&apos;s host lacks mariadb-dump/mysqldump, the mariadb/mysql client or setsid</source>
        <translation>%1 的主机上缺少 mariadb-dump/mysqldump、mariadb/mysql 客户端或 setsid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>install the database client package on %1&apos;s host</source>
        <translation>请在 %1 的主机上安装数据库客户端软件包</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>%1&apos;s data folder %2 has %3 free; the copy needs about %4 (%5&apos;s data and indexes%6)</source>
        <translation>%1 的数据目录 %2 剩余 %3；拷贝大约需要 %4（%5 的数据和索引%6）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, plus the saved old copy</source>
        <translation>，另加保存的原有数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free space on %1&apos;s host first</source>
        <translation>请先在 %1 的主机上释放空间</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>could not read the free space of %1 on %2&apos;s host</source>
        <translation>无法读取 %2 的主机上 %1 的剩余空间</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 on %2&apos;s host, where the old copy is saved before it is replaced, has %3 free; the old copy needs about %4</source>
        <translation>%2 的主机上的 %1（原有数据在被替换前保存在这里）剩余 %3；原有数据大约需要 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>free space in %1 first</source>
        <translation>请先释放 %1 中的空间</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1 on %2&apos;s host knows neither --source-data nor --master-data: the copy could not carry its binary log coordinates</source>
        <translation>%2 主机上的 %1 既不支持 --source-data 也不支持 --master-data：拷贝无法带上其 binlog 位点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>install the client package of %1&apos;s server version on %2&apos;s host</source>
        <translation>请在 %2 的主机上安装与 %1 的服务器版本相同的客户端软件包</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 on %2&apos;s host has no --source-data: its dump would carry CHANGE MASTER TO, which %3 no longer accepts</source>
        <translation>%2 主机上的 %1 不支持 --source-data：其转储文件会包含 CHANGE MASTER TO，而 %3 已不再接受该语句</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>install MySQL&apos;s own client (mysqldump %1 or later) on %2&apos;s host</source>
        <translation>请在 %2 的主机上安装 MySQL 自带的客户端（mysqldump %1 或更高版本）</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 on %2&apos;s host is MariaDB&apos;s; %3 runs %4, which no longer answers the SHOW MASTER STATUS such a tool may ask for its coordinates</source>
        <translation>%2 主机上的 %1 是 MariaDB 的；%3 运行的是 %4，已不再响应此类工具为获取位点可能发出的 SHOW MASTER STATUS</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 is read-only (read_only=1) while %2 (%3 in %n table(s)) is copied from %4; %4 keeps serving reads and writes</source>
        <translation>
            <numerusform>从 %4 拷贝 %2（%n 张表，%3）期间，%1 为只读（read_only=1）；%4 继续提供读写服务</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>read_only goes back to %1 when the copy ends</source>
        <translation>拷贝结束后 read_only 恢复为 %1</translation>
    </message>
</context>
<context>
    <name>CopyJobWatch</name>
    <message>
        <location filename="../models/copy/copyjobwatch.cpp" line="+50"/>
        <source>cancelled by the user</source>
        <translation>已被用户取消</translation>
    </message>
</context>
<context>
    <name>CopyProgress</name>
    <message>
        <location filename="../models/copy/copyprogress.cpp" line="+55"/>
        <source>time left unknown</source>
        <translation>剩余时间未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>saving the old copy: %1, %2/s</source>
        <translation>正在保存原有数据：%1，%2/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restoring the old copy: %1 s</source>
        <translation>正在恢复原有数据：%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>preparing the copy (the backup tool&apos;s --prepare): %1 s</source>
        <translation>正在准备拷贝（备份工具的 --prepare）：%1 秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 streamed, %2/s, %3 (the size to copy is unknown)</source>
        <translation>已传输 %1，%2/秒，%3（要拷贝的数据量未知）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 streamed of about %2, %3/s, %4</source>
        <translation>已传输 %1，共约 %2，%3/秒，%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 copied, %2 of %3 tables, %4/s, %5</source>
        <translation>已拷贝 %1，%2/%3 张表，%4/s，%5</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>swapping the data folder and starting the server on the copy</source>
        <translation>正在交换数据目录，并用拷贝启动服务器</translation>
    </message>
</context>
<context>
    <name>CopyReceiver</name>
    <message>
        <location filename="../models/copy/copyreceiver.cpp" line="+75"/>
        <source>the admin account cannot log in to %1 from %1&apos;s own host, where the copy is loaded: %2</source>
        <translation>管理员账号无法从 %1 自身所在的主机（拷贝的数据在那里导入）登录 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the copy&apos;s account cannot log in to %1 from %2&apos;s host, where the dump runs: %3</source>
        <translation>拷贝账号无法从 %2 的主机（导出在此运行）登录 %1：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2) answered %3&apos;s client tools in clear text although &quot;tls&quot; is &quot;%4&quot;: nothing was copied; RepliPair does not fall back to clear text</source>
        <translation>%1（%2）以明文应答了 %3 上的客户端工具，而 &quot;tls&quot; 为 &quot;%4&quot;：未拷贝任何数据；RepliPair 不会退回明文</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>cannot make %1 on %2&apos;s host to save the old copy in: %3</source>
        <translation>无法在 %2 的主机上创建用于保存原有数据的 %1：%3</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 already has replica settings (source %2): a copy would replace data it may be applying; remove them first (%3)</source>
        <translation>%1 已有从库设置（主库 %2）：拷贝会替换它可能正在应用的数据；请先移除这些设置（%3）</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <location filename="../ui/credentialstore.cpp" line="+16"/>
        <source>the keychain did not answer: %1</source>
        <translation>系统钥匙串没有响应：%1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>the keychain holds no entry %1</source>
        <translation>钥匙串中没有条目 %1</translation>
    </message>
</context>
<context>
    <name>DataCopy</name>
    <message>
        <location filename="../models/copy/datacopy.cpp" line="+55"/>
        <source>cancelled by the user</source>
        <translation>已被用户取消</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>nothing saved: %1 held no table, view, routine or event</source>
        <translation>未保存任何内容：%1 中没有表、视图、存储例程或事件</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>read_only=1 for the time of the copy</source>
        <translation>拷贝期间 read_only=1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has none of the replicated databases any more: nothing to copy</source>
        <translation>%1 已不再包含任何被复制的数据库：没有可拷贝的内容</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 holds %2 (listed again once it was read-only): a copy from %3 would replace them; nothing was replaced. Confirm replacing them (--replace-target) or remove them</source>
        <translation>%1 包含 %2（设为只读后再次列出）：从 %3 拷贝会替换它们；未替换任何内容。请确认替换它们（--replace-target）或将其移除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 made since the pre-flight: saved with the rest</source>
        <translation>%1 是预检之后创建的：已与其余内容一起保存</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>saving the old copy failed, nothing was replaced: %1</source>
        <translation>保存原有数据失败，未替换任何内容：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>old copy of %1 saved as %2 (mode 0600)</source>
        <translation>%1 的原有数据已保存为 %2（权限 0600）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 holds no PEM certificate: the copy cannot check the servers&apos; certificates</source>
        <translation>%1 中没有 PEM 证书：拷贝无法检查服务器的证书</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the dump of %1 failed (exit %2): %3</source>
        <translation>%1 的转储失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>loading the copy into %1 failed (exit %2): %3</source>
        <translation>将拷贝的数据导入 %1 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the dump carries no binary log coordinates (is the binary log of %1 on?)</source>
        <translation>转储中没有 binlog 位点（%1 的 binlog 是否已开启？）</translation>
    </message>
    <message>
        <location filename="../models/copy/datacopyundo.cpp" line="+26"/>
        <source>could not remove the partial copy of %1: %2</source>
        <translation>无法删除 %1 上拷贝到一半的数据：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>partial copy removed: %1</source>
        <translation>已删除拷贝到一半的数据：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not make the empty databases again: %1</source>
        <translation>无法重新创建空数据库：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>could not load the old copy back (%1); it is kept in %2</source>
        <translation>无法重新导入原有数据（%1）；原有数据保留在 %2 中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>old copy loaded back from %1</source>
        <translation>已从 %1 重新导入原有数据</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>could not remove the replica settings the copy made on %1: %2</source>
        <translation>无法移除拷贝时在 %1 上创建的从库设置：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>could not drop the temporary account %1 on %2: %3</source>
        <translation>无法删除 %2 上的临时账号 %1：%3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>could not set read_only back to %1 on %2: %3</source>
        <translation>无法将 %2 上的 read_only 恢复为 %1：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>read_only back to %1</source>
        <translation>read_only 已恢复为 %1</translation>
    </message>
</context>
<context>
    <name>DemoSandbox</name>
    <message>
        <location filename="../models/sandbox/demosandbox.cpp" line="+41"/>
        <source>cannot create a folder for the demo: %1</source>
        <translation>无法为演示创建文件夹：%1</translation>
    </message>
</context>
<context>
    <name>ErrantWatch</name>
    <message>
        <location filename="../models/monitor/errantwatch.cpp" line="+32"/>
        <source>%1 holds transactions that started on %2 and that %2 lacks (%3): written on %1 under %2&apos;s id, or lost by %2; the data may differ</source>
        <translation>%1 持有源自 %2、而 %2 没有的事务（%3）：可能是在 %1 上以 %2 的 ID 写入，或 %2 丢失了这些事务；数据可能不一致</translation>
    </message>
</context>
<context>
    <name>EventList</name>
    <message>
        <location filename="../ui/monitor/eventlist.cpp" line="+10"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replication events</source>
        <translation>复制事件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>ExecutePage</name>
    <message>
        <location filename="../ui/wizard/executepage.cpp" line="+36"/>
        <source>Setting up</source>
        <translation>正在搭建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each step shows its state and time. Cancel stops at the next safe point.</source>
        <translation>每个步骤都显示其状态和用时。“取消”会在下一个安全点停止。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Elapsed</source>
        <translation>用时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Setup output</source>
        <translation>搭建输出</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Running the setup of %1…</source>
        <translation>正在搭建 %1…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>both</source>
        <translation>两台服务器</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+57"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancelling at the next safe point… %1</source>
        <translation>正在下一个安全点取消… %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running the setup… %1</source>
        <translation>正在搭建… %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done in %1: both directions replicate.</source>
        <translation>已在 %1 内完成：两个方向均在复制。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled after %1. Both servers are usable; running the setup again resumes.</source>
        <translation>已在 %1 后取消。两台服务器均可正常使用；再次运行搭建会从中断处继续。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed after %1: %2</source>
        <translation>在 %1 后失败：%2</translation>
    </message>
</context>
<context>
    <name>Failover</name>
    <message>
        <location filename="../models/operation/failover.cpp" line="+40"/>
        <source>wait until %1 has applied everything it received from %2 (at most %3 s)</source>
        <translation>等待 %1 应用完从 %2 收到的全部内容（最多 %3 秒）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the relay log is applied</source>
        <translation>relay log 已应用完</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stop %1&apos;s replication from %2</source>
        <translation>停止 %1 从 %2 的复制</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>replication from the old writer stopped</source>
        <translation>来自旧写入端的复制已停止</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>replication started again</source>
        <translation>复制已重新启动</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>make %1 writable</source>
        <translation>使 %1 可写</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>read_only = OFF: %1 takes the writes</source>
        <translation>read_only = OFF：%1 接管写入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>fence %1: recorded beside the profile, and read_only = ON in its option file where its host answers</source>
        <translation>隔离 %1：记录在配对方案旁，并在其主机可连接时在其配置文件中设置 read_only = ON</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>forced failover to %1 while %2 was unreachable: %2 may hold transactions %1 never received; rebuild or rejoin it before it takes writes</source>
        <translation>在 %2 无法连接时强制故障转移到 %1：%2 可能包含 %1 从未收到的事务；在它接管写入之前，请重建它或让它重新加入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>forced failover to %1 while %2 was unreachable</source>
        <translation>在 %2 无法访问时强制故障转移到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 fenced in %2</source>
        <translation>%1 已在 %2 中被隔离</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>profile: writer %1</source>
        <translation>配对方案：写入端 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1&apos;s option file could not be written (%2): before it starts again, set read_only = ON in it by hand</source>
        <translation>无法写入 %1 的配置文件（%2）：在它再次启动之前，请手动在其中设置 read_only = ON</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+95"/>
        <source>%1 is the writer, but: %2</source>
        <translation>%1 是写入端，但：%2</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>check that %1 is gone and %2 can take the writes</source>
        <translation>检查 %1 确已不可用，且 %2 可以接管写入</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>refused: nothing was changed</source>
        <translation>已拒绝：未做任何更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every check passed</source>
        <translation>所有检查均已通过</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the journal %1 could not be written in full: %2</source>
        <translation>运行记录 %1 未能完整写入：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cancelled before: %1</source>
        <translation>在此之前已取消：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — failover abandoned: %2 was not opened</source>
        <translation>%1 — 已放弃故障转移：未开放 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is the writer; %2 is fenced until it is rebuilt or rejoined</source>
        <translation>%1 是写入端；%2 处于隔离状态，直到被重建或重新加入</translation>
    </message>
</context>
<context>
    <name>FinalDataCheck</name>
    <message>
        <location filename="../models/setup/finaldatacheck.cpp" line="+50"/>
        <source>its SQL thread is not running%1</source>
        <translation>其 SQL 线程未运行%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it had executed %1:%2 of %3:%4 after %5 s</source>
        <translation>%5 秒后仅执行到 %1:%2（目标为 %3:%4）</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2：%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the SQL thread of %1 is not running%2</source>
        <translation>%1 的 SQL 线程未运行%2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the SQL thread of %1 could not be started again after the data check: %2. Start it by hand: %3</source>
        <translation>数据检查后无法重新启动 %1 的 SQL 线程：%2。请手动启动：%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 had not applied what %2 had written: %3</source>
        <translation>%1 尚未应用 %2 写入的内容：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 did not reach %2:%3: %4</source>
        <translation>%1 未到达 %2:%3：%4</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+10"/>
        <source>%1 took writes of its own during the check</source>
        <translation>检查期间 %1 上有本地写入</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 stopped at %2:%3, not at the snapshot&apos;s %4:%5</source>
        <translation>%1 停在了 %2:%3，而不是快照的位点 %4:%5</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 (only on %2, rows: %3)</source>
        <translation>%1（仅在 %2 上，行数：%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (rows: %2 %3, %4 %5)</source>
        <translation>%1（行数：%2 %3，%4 %5）</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>the replicated data is the same on both: %n table(s) compared at one point of %1&apos;s binary log (%2 stopped at that point, %1 read in a consistent snapshot)</source>
        <translation>
            <numerusform>两台服务器上复制的数据一致：在 %1 的 binlog 的同一位点比较了 %n 张表（%2 停在该位点，%1 在一致性快照中读取）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>the replicated data differs in %n table(s): %1 (at one point of %2&apos;s binary log, %3 stopped at that point)</source>
        <translation>
            <numerusform>复制的数据在 %n 张表中不一致：%1（在 %2 的 binlog 的同一位点比较，%3 停在该位点）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the data could not be compared: %1</source>
        <translation>无法比较数据：%1</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>no table in the replicated databases yet: no data to compare</source>
        <translation>复制的数据库中还没有表：没有可比较的数据</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <location filename="../models/common/finding.cpp" line="+9"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>GuiMain</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+37"/>
        <source>Sets up and watches MySQL/MariaDB master-master replication.</source>
        <translation>搭建并监控 MySQL/MariaDB 双主复制。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start two local sandbox servers and set them up as a pair.</source>
        <translation>启动两台本地沙箱服务器，并为它们搭建双主复制。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not available here: %1.</source>
        <translation>此处不可用：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this language (en, zh_CN).</source>
        <translation>使用此语言（en、zh_CN）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A pair profile to open.</source>
        <translation>要打开的配对方案。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Starting two sandbox servers in %1…</source>
        <translation>正在 %1 中启动两台沙箱服务器…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sandbox servers are up.</source>
        <translation>沙箱服务器已启动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sandbox servers could not be started:
%1</source>
        <translation>无法启动沙箱服务器：
%1</translation>
    </message>
</context>
<context>
    <name>HookRunner</name>
    <message>
        <location filename="../models/operation/hookrunner.cpp" line="+12"/>
        <source>no %1 hook in the profile: nothing run</source>
        <translation>配对方案中没有 %1 钩子：未运行任何命令</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was stopped after %2 s (its timeout)</source>
        <translation>%1 在 %2 秒后被停止（超时）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exited with %2</source>
        <translation>%1 退出，返回码 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 succeeded in %2 ms</source>
        <translation>%1 成功，用时 %2 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the %1 hook: none in the profile</source>
        <translation>%1 钩子：配对方案中没有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run the %1 hook: %2</source>
        <translation>运行 %1 钩子：%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the %1 hook cannot run: %2</source>
        <translation>%1 钩子无法运行：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the %1 hook could not be started: %2</source>
        <translation>无法启动 %1 钩子：%2</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <location filename="../ui/wizard/hostkeydialog.cpp" line="+15"/>
        <source>SSH Host Key of %1</source>
        <translation>%1 的 SSH 主机密钥</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The host key of %1 (port %2) has CHANGED since it was last trusted. Someone may be intercepting the connection, or the host was reinstalled. RepliPair will not connect. Check the key with the host&apos;s administrator and fix the known_hosts file by hand.</source>
        <translation>%1（端口 %2）的主机密钥自上次信任以来已发生变化。可能有人正在拦截连接，或者该主机已被重装。RepliPair 不会连接。请与该主机的管理员核对密钥，并手动修正 known_hosts 文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RepliPair has not seen %1 (port %2) before. Compare this fingerprint with the one the host shows (ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub) before you trust it.</source>
        <translation>RepliPair 此前从未连接过 %1（端口 %2）。在信任它之前，请将此指纹与主机显示的指纹（ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub）进行比较。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Host key fingerprint</source>
        <translation>主机密钥指纹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Trust and Connect</source>
        <translation>信任并连接(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Do Not Trust</source>
        <translation>不信任(&amp;D)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>known_hosts holds: %1</source>
        <translation>known_hosts 中记录的是：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The host now presents:</source>
        <translation>主机现在提供的密钥：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
</context>
<context>
    <name>HostShell</name>
    <message>
        <location filename="../models/host/hostshell.cpp" line="+15"/>
        <source>%1 on %2 did not exist when the option files were read, but it does now (someone made it meanwhile): it was left as it is</source>
        <translation>%2 上的 %1 在读取配置文件时不存在，但现在存在（有人在此期间创建了它）：保持原样</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 on %2 changed since it was read (someone edited it meanwhile): it was left as it is</source>
        <translation>%2 上的 %1 在读取后已被更改（有人在此期间编辑了它）：保持原样</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>, and nothing was written</source>
        <translation>，且未写入任何内容</translation>
    </message>
</context>
<context>
    <name>IncidentReport</name>
    <message>
        <location filename="../ui/monitor/incidentreport.cpp" line="+28"/>
        <location line="+1"/>
        <source>RepliPair report: %1</source>
        <translation>RepliPair 报告：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current state</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+49"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Reachable</source>
        <translation>可访问</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replication into it</source>
        <translation>到它的复制</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IO thread %1, SQL thread %2</source>
        <translation>IO 线程 %1，SQL 线程 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s behind</source>
        <translation>延迟 %1 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no: %1</source>
        <translation>否：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not compared by RepliPair since setup</source>
        <translation>自搭建以来 RepliPair 未比对过</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last comparison: %1, %2</source>
        <translation>上次比对：%1，%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last comparison: none recorded</source>
        <translation>上次比对：无记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fenced: %1 since %2: %3</source>
        <translation>处于隔离状态：%1，自 %2 起：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incident history</source>
        <translation>故障历史</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No event since the pair was opened.</source>
        <translation>自打开该双主配对以来无事件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+11"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>InspectCommand</name>
    <message>
        <location filename="../app/cli/inspectcommand.cpp" line="+43"/>
        <source>%1: unreachable: %2</source>
        <translation>%1：无法访问：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2): %3 on %4, server_id %5, binary log %6, binlog_format %7, read_only %8</source>
        <translation>%1（%2）：%4 上的 %3，server_id %5，binlog %6，binlog_format %7，read_only %8</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>   replica %1</source>
        <translation>   从库状态 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pre-flight: all checks passed</source>
        <translation>预检：所有检查均已通过</translation>
    </message>
</context>
<context>
    <name>InspectionPanel</name>
    <message>
        <location filename="../ui/topology/inspectionpanel.cpp" line="+45"/>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inspection of the selected server</source>
        <translation>所选服务器的检查结果</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Select a server on the canvas to see its inspection.</source>
        <translation>在画布上选择一台服务器以查看其检查结果。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server %1 — %2</source>
        <translation>服务器 %1 — %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not inspected yet (press F5)</source>
        <translation>尚未检查（按 F5）</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+105"/>
        <location line="+3"/>
        <location line="+45"/>
        <source>Reachable</source>
        <translation>可访问</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+48"/>
        <source>no: %1</source>
        <translation>否：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server_id</source>
        <translation>server_id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server_uuid</source>
        <translation>server_uuid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>read_only</source>
        <translation>read_only</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Binary log</source>
        <translation>binlog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log_bin</source>
        <translation>log_bin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>binlog_format</source>
        <translation>binlog_format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gtid_mode</source>
        <translation>gtid_mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GTID position</source>
        <translation>GTID 位点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binlog_Do_DB</source>
        <translation>Binlog_Do_DB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binlog_Ignore_DB</source>
        <translation>Binlog_Ignore_DB</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Configured</source>
        <translation>已配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+51"/>
        <source>Source</source>
        <translation>主库</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>IO thread</source>
        <translation>IO 线程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQL thread</source>
        <translation>SQL 线程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds behind</source>
        <translation>延迟秒数（Seconds_Behind）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Using GTID</source>
        <translation>使用 GTID</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Last IO error</source>
        <translation>最近的 IO 错误</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replication now (%1)</source>
        <translation>当前复制状态（%1）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Replication now</source>
        <translation>当前复制状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replication at the last inspection (%1)</source>
        <translation>上次检查时的复制状态（%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>writer: takes the application&apos;s writes</source>
        <translation>写入端：接收应用的写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reader: read-only, replication applies here</source>
        <translation>只读端：只读，复制在此应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writer role problem</source>
        <translation>写入角色问题</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>NULL (not applying)</source>
        <translation>NULL（未在应用事件）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heartbeat lag</source>
        <translation>心跳延迟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last SQL error</source>
        <translation>最近的 SQL 错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS from %1</source>
        <translation>来自 %1 的 TLS</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Last inspection (%1, F5 inspects again)</source>
        <translation>上次检查（%1，按 F5 重新检查）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last inspection (F5 inspects again)</source>
        <translation>上次检查（按 F5 重新检查）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Replica source</source>
        <translation>复制的主库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings the plan touches</source>
        <translation>计划涉及的设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Databases</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User databases</source>
        <translation>用户数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Privileges</source>
        <translation>权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grant</source>
        <translation>授权</translation>
    </message>
</context>
<context>
    <name>IntentJournal</name>
    <message>
        <location filename="../models/operation/intentjournal.cpp" line="+53"/>
        <source>another %1 of this pair runs since %2 (process %3 on %4): wait for it or stop it; nothing was changed</source>
        <translation>此配对的另一个 %1 自 %2 起正在运行（%4 上的进程 %3）：请等待它结束或将其停止；未做任何更改</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>the %1 started at %2 was interrupted before it ended and left %n change(s) on the servers (see %3). Run &apos;replipair-cli recover %4&apos; first (add --dry-run to see what it puts back); nothing was changed</source>
        <translation>
            <numerusform>%2 开始的 %1 在结束前被中断，在服务器上留下了 %n 项更改（见 %3）。请先运行 &apos;replipair-cli recover %4&apos;（加 --dry-run 可查看它将撤回的内容）；未做任何更改</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+13"/>
        <source>cannot write the journal %1: %2; nothing was changed</source>
        <translation>无法写入运行记录 %1：%2；未做任何更改</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot write the journal %1: %2</source>
        <translation>无法写入运行记录 %1：%2</translation>
    </message>
</context>
<context>
    <name>JournalRun</name>
    <message>
        <location line="+83"/>
        <source>cannot read the journal %1: %2</source>
        <translation>无法读取运行记录 %1：%2</translation>
    </message>
</context>
<context>
    <name>KnownHosts</name>
    <message>
        <location filename="../models/host/ssh/knownhosts.cpp" line="+70"/>
        <source>%1 sent no host key: %2</source>
        <translation>%1 没有发送主机密钥：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot check the host key of %1 against %2: %3</source>
        <translation>无法用 %2 核对 %1 的主机密钥：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the host key of %1 has CHANGED: it now presents %2 (%3), but %4 holds %5 for %6. This may be an attack (someone between you and the host), or the host was reinstalled. If you know why, remove the old entry (ssh-keygen -R &apos;%6&apos; -f %4) and try again.</source>
        <translation>%1 的主机密钥已更改：它现在提供 %2（%3），但 %4 中为 %6 记录的是 %5。这可能是攻击（有人位于您和主机之间），也可能是主机重装过。如果您清楚原因，请删除旧条目（ssh-keygen -R &apos;%6&apos; -f %4）后重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>another key</source>
        <translation>另一个密钥</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot create the folder %1 for %2</source>
        <translation>无法为 %2 创建文件夹 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot add the host key of %1 to %2: %3</source>
        <translation>无法将 %1 的主机密钥加入 %2：%3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is not a known host: its key %2 (%3) is not in %4. Compare it with the fingerprint shown on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then accept it (&quot;acceptNewHostKey&quot;: true) or add it to %4 yourself.</source>
        <translation>%1 不是已知主机：其密钥 %2（%3）不在 %4 中。请将其与主机上显示的指纹（ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub）进行比较，然后接受它（&quot;acceptNewHostKey&quot;: true）或自行将其添加到 %4。</translation>
    </message>
</context>
<context>
    <name>LocalShell</name>
    <message>
        <location filename="../models/host/localshell.cpp" line="+23"/>
        <source>local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the folder %1 is not writable by this user, so %2 cannot be replaced</source>
        <translation>当前用户无法写入文件夹 %1，因此无法替换 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not writable by this user</source>
        <translation>当前用户无法写入 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+10"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot write %1 (left unchanged): %2</source>
        <translation>无法写入 %1（保持不变）：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 拷贝到 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot remove %1</source>
        <translation>无法删除 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+26"/>
        <source>cannot start /bin/sh: %1</source>
        <translation>无法启动 /bin/sh：%1</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&quot;%1&quot; did not finish within %2 s</source>
        <translation>“%1”未在 %2 秒内结束</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+27"/>
        <source>&quot;%1&quot; was stopped</source>
        <translation>&quot;%1&quot; 已被停止</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nothing moved through &quot;%1&quot; for %2 s</source>
        <translation>%2 秒内没有数据经过 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <location filename="../ui/monitor/logmodel.cpp" line="+44"/>
        <source>pair</source>
        <translation>服务器对</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>started</source>
        <translation>已开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2 ms)</source>
        <translation>%1（%2 毫秒）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <location filename="../ui/monitor/logview.cpp" line="+52"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save Log…</source>
        <translation>保存日志(&amp;S)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All servers</source>
        <translation>所有服务器</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sh&amp;ow:</source>
        <translation>显示(&amp;O)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pair</source>
        <translation>服务器对</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+7"/>
        <source>Save Log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The log could not be saved to %1: %2</source>
        <translation>无法将日志保存到 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+50"/>
        <location line="+24"/>
        <location line="+243"/>
        <source>RepliPair</source>
        <translation>RepliPair</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>&amp;Topology</source>
        <translation>拓扑(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;harts</source>
        <translation>图表(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;vents</source>
        <translation>事件(&amp;V)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved Pairs</source>
        <translation>已保存的服务器对</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inspection</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Live Log</source>
        <translation>实时日志</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="+50"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Pair…</source>
        <translation>新建服务器对(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Profile…</source>
        <translation>打开配对方案(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/mainwindowpasswords.cpp" line="+83"/>
        <source>Open Pair Profile</source>
        <translation>打开配对方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pair profiles (*.replipair.json);;JSON (*.json)</source>
        <translation>配对方案 (*.replipair.json);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Pair</source>
        <translation>服务器对(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspect Both Servers</source>
        <translation>检查两台服务器(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run Setup Again…</source>
        <translation>再次运行搭建(&amp;R)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Monitor</source>
        <translation>监控(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move &amp;Writes to the Other Server…</source>
        <translation>将写入移动到另一台服务器(&amp;W)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Rebuild a Server from Its Peer…</source>
        <translation>从对端重建服务器(&amp;R)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Forget Remembered Passwords</source>
        <translation>清除已记住的密码(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set Up the &amp;Demo Pair…</source>
        <translation>搭建演示服务器对(&amp;D)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to &amp;Canvas</source>
        <translation>转到画布(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to Saved &amp;Pairs</source>
        <translation>转到已保存的服务器对(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to &amp;Log</source>
        <translation>转到日志(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RepliPair &amp;Manual</source>
        <translation>使用手册(&amp;M)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+19"/>
        <source>Could not open the manual %1.</source>
        <translation>无法打开使用手册 %1。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>&amp;How To</source>
        <translation>操作指南(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set Up a Pair</source>
        <translation>搭建双主配对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch a Pair and Read Its Alerts</source>
        <translation>监控双主配对并查看告警</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act on a Break (Skip, Compare, Start a Server)</source>
        <translation>处理复制中断（跳过、比对、启动服务器）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare and Repair the Data</source>
        <translation>比对并修复数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the Writes to the Other Server</source>
        <translation>将写入移动到另一台服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recover After an Interrupted Run</source>
        <translation>运行中断后的恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Troubleshooting</source>
        <translation>故障排查</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About RepliPair</source>
        <translation>关于 RepliPair(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About RepliPair</source>
        <translation>关于 RepliPair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;RepliPair %1&lt;/b&gt;&lt;p&gt;Sets up and watches MySQL/MariaDB master-master replication.&lt;/p&gt;</source>
        <translation>&lt;b&gt;RepliPair %1&lt;/b&gt;&lt;p&gt;搭建并监控 MySQL/MariaDB 双主复制。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowpasswords.cpp" line="-48"/>
        <source>The keychain no longer holds the passwords of %1.</source>
        <translation>钥匙串中已不再保存 %1 的密码。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="+20"/>
        <source>Menu key / Shift+F10</source>
        <translation>菜单键 / Shift+F10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the selected server&apos;s actions on the canvas</source>
        <translation>画布上所选服务器的操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a pair first: the report is about the open pair.</source>
        <translation>请先打开一个双主配对：报告针对已打开的双主配对。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1-report-%2.html</source>
        <translation>%1-report-%2.html</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>HTML (*.html);;PDF (*.pdf)</source>
        <translation>HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowpasswords.cpp" line="+49"/>
        <source>%1 cannot be opened:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+56"/>
        <source>%1 — RepliPair</source>
        <translation>%1 — RepliPair</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The passwords could not be remembered: %1</source>
        <translation>无法记住密码：%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Inspecting %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Inspection finished</source>
        <translation>检查已完成</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RepliPair — %1</source>
        <translation>RepliPair — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="+17"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The new language applies when RepliPair starts again.</source>
        <translation>新语言将在 RepliPair 重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+20"/>
        <source>Cancelling the running setup before quitting: it puts back what it changed…</source>
        <translation>退出前正在取消正在运行的搭建：撤回它所做的更改…</translation>
    </message>
</context>
<context>
    <name>MonitorCommand</name>
    <message>
        <location filename="../app/cli/monitorcommand.cpp" line="+87"/>
        <source>--format needs one of json, text, prometheus</source>
        <translation>--format 需要 json、text、prometheus 之一</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--output needs a file name</source>
        <translation>--output 需要一个文件名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--interval needs a number of seconds from %1 to %2</source>
        <translation>--interval 需要 %1 到 %2 之间的秒数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--timeout needs a whole number of seconds from 1 to %1</source>
        <translation>--timeout 需要 1 到 %1 之间的整数秒数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--lag-threshold needs a number of seconds from 0 to %1</source>
        <translation>--lag-threshold 需要 0 到 %1 之间的秒数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown option %1 for monitor</source>
        <translation>monitor 不支持选项 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--output goes with --format prometheus</source>
        <translation>--output 需与 --format prometheus 一起使用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1  heartbeat %2</source>
        <translation>%1  心跳延迟 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reader</source>
        <translation>只读端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>writer</source>
        <translation>写入端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  %1, read-only</source>
        <translation>  %1，只读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  %1, writable</source>
        <translation>  %1，可写</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no *.replipair.json profile in the folder %1</source>
        <translation>文件夹 %1 中没有 *.replipair.json 配对方案</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>monitor needs at least one profile file or folder</source>
        <translation>monitor 需要至少一个配对方案文件或文件夹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>two profiles are named &quot;%1&quot;; every pair needs a name of its own</source>
        <translation>有两个配对方案都名为 &quot;%1&quot;；每个服务器对都需要自己的名称</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>replipair-cli monitor: %1</source>
        <translation>replipair-cli monitor：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>usage: replipair-cli monitor PROFILE|FOLDER... [--interval SECONDS] [--json | --format json|text|prometheus [--output FILE]] [--once] [--events] [--lag-threshold SECONDS] [--timeout SECONDS]</source>
        <translation>用法：replipair-cli monitor PROFILE|FOLDER... [--interval SECONDS] [--json | --format json|text|prometheus [--output FILE]] [--once] [--events] [--lag-threshold SECONDS] [--timeout SECONDS]</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>MoveWritesDialog</name>
    <message>
        <location filename="../ui/operation/movewritesdialog.cpp" line="+26"/>
        <source>Move Writes to %1</source>
        <translation>将写入移动到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking that %1 can take the writes from %2 without losing any…</source>
        <translation>正在检查 %1 能否从 %2 接管写入而不丢失任何数据…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What was found</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix</source>
        <translation>修复方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 cannot be reached. I understand that a forced failover opens %2 with what it received so far, and fences %1: it stays read-only until it is rebuilt or rejoined.</source>
        <translation>无法连接 %1。我了解强制故障转移会以 %2 目前已收到的数据开放它，并隔离 %1：它将保持只读，直到被重建或重新加入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Move Writes to %1</source>
        <translation>将写入移动到 %1(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Force Failover to %1</source>
        <translation>强制故障转移到 %1(&amp;F)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checks (nothing is changed until you move the writes):</source>
        <translation>检查项（在移动写入之前不会做任何更改）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps, in order; a failure before %1 opens puts %2 back as the writer:</source>
        <translation>按顺序执行的步骤；在 %1 开放之前若有失败，%2 将恢复为写入端：</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Every check passed: %1 can take the writes from %2.</source>
        <translation>所有检查均已通过：%1 可以从 %2 接管写入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be reached. A planned switch needs it; a forced failover does not.</source>
        <translation>无法连接 %1。计划内的切换需要它；强制故障转移则不需要。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n check(s) refuse the switch: %1 stays the writer. Fix them and open this again.</source>
        <translation>
            <numerusform>%n 项检查拒绝切换：%1 仍为写入端。请修复后再次打开此窗口。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 takes the writes now.</source>
        <translation>%1 现在接管写入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 takes the writes now, but: %2</source>
        <translation>%1 现在接管写入，但：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused: %1 stays the writer. %2</source>
        <translation>已拒绝：%1 仍为写入端。%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not switched: %1</source>
        <translation>未切换：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>OperationRun</name>
    <message>
        <location filename="../models/operation/operationrun.cpp" line="+84"/>
        <source>undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could NOT undo &quot;%1&quot;: %2</source>
        <translation>未能撤销 &quot;%1&quot;：%2</translation>
    </message>
</context>
<context>
    <name>OptionFiles</name>
    <message>
        <location filename="../models/config/optionfiles.cpp" line="+86"/>
        <source>cannot read the option file %1: %2</source>
        <translation>无法读取配置文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../ui/wizard/optionspage.cpp" line="+21"/>
        <source>Replication options</source>
        <translation>复制选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to replicate and how. The defaults suit most pairs.</source>
        <translation>复制什么以及如何复制。默认值适用于大多数服务器对。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. orders</source>
        <translation>例如 orders</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. shop, billing — empty replicates every database</source>
        <translation>例如 shop, billing — 留空则复制所有数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. mysql</source>
        <translation>例如 mysql</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>default: the other server&apos;s address</source>
        <translation>默认：另一台服务器的地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host the replication account may connect from, e.g. 10.0.0.% for a subnet.</source>
        <translation>复制账号允许从哪个主机连接，例如用 10.0.0.% 表示一个子网。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic: GTID where both servers support it</source>
        <translation>自动：两台服务器都支持时使用 GTID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GTID auto-positioning</source>
        <translation>GTID 自动定位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary log file and position</source>
        <translation>binlog 文件和位点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interleave &amp;auto-increment values (A odd, B even) so inserts never clash</source>
        <translation>交错分配自增值(&amp;A)（A 为奇数，B 为偶数），避免插入冲突</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restart &amp;one server at a time: the second only once the first is back and verified</source>
        <translation>一次只重启一台服务器(&amp;O)：第一台恢复并通过验证后才重启第二台</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>By table (replicate-wild-do-table): every statement on the databases</source>
        <translation>按表过滤（replicate-wild-do-table）：这些库上的每条语句都会复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By default database (binlog-do-db / replicate-do-db): needs USE before each write</source>
        <translation>按默认库过滤（binlog-do-db / replicate-do-db）：每次写入前都需要 USE</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a server whose binary log is off</source>
        <translation>仅重启 binlog 未开启的服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any server whose settings need it</source>
        <translation>设置需要时重启任意服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never: settings wait for the next planned restart</source>
        <translation>从不重启：设置等到下一次计划重启时生效</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave as configured</source>
        <translation>保持现有配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROW (safest with database filters)</source>
        <translation>ROW（使用数据库过滤时最安全）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIXED</source>
        <translation>MIXED</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STATEMENT</source>
        <translation>STATEMENT</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Both take writes (two writers: the same row written on both stops replication)</source>
        <translation>两台服务器都接收写入（两个写入端：在两台服务器上写入同一行会使复制停止）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The other server is made read_only, live and in its option file; replication still applies there.</source>
        <translation>另一台服务器被设为 read_only（在线设置并写入其配置文件）；复制仍在其上应用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No copy: both servers already hold the same data</source>
        <translation>不拷贝：两台服务器上已有相同的数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copied online with the server&apos;s own dump tool, at the exact binary log position replication then starts from.</source>
        <translation>使用服务器自带的转储工具在线拷贝，并精确记录 binlog 位点，复制随后从该位点开始。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Replace the receiver&apos;s existing data (saved first as a dump on its host)</source>
        <translation>替换接收方的现有数据(&amp;R)（先在其主机上保存为转储文件）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pair &amp;name:</source>
        <translation>服务器对名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Databases:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Writes go to:</source>
        <translation>写入发往(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ignore databases:</source>
        <translation>忽略的数据库(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replication &amp;user:</source>
        <translation>复制用户(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>…allowed to connect &amp;from:</source>
        <translation>…允许连接的来源(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Positioning:</source>
        <translation>定位方式(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binlog &amp;format:</source>
        <translation>Binlog 格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database &amp;filters:</source>
        <translation>数据库过滤(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;tart a server:</source>
        <translation>重启服务器(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initial &amp;copy:</source>
        <translation>初始拷贝(&amp;C)：</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+2"/>
        <source>%1 gets a copy of %2&apos;s databases</source>
        <translation>将 %2 的数据库拷贝到 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 takes the writes; %2 is read-only</source>
        <translation>%1 接收写入；%2 只读</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Give the pair a name; it names the profile file.</source>
        <translation>请为服务器对命名；配对方案的文件名由它生成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The replication user may hold letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos; (at most 32).</source>
        <translation>复制用户名只能包含字母、数字、&apos;.&apos;、&apos;-&apos; 和 &apos;_&apos;（最多 32 个）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a host name, address or pattern (letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;%&apos;).</source>
        <translation>&quot;%1&quot; 不是主机名、地址或模式（字母、数字、&apos;.&apos;、&apos;-&apos;、&apos;%&apos;）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is both replicated and ignored.</source>
        <translation>%1 同时被设为复制和忽略。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database name %1 is longer than 64 characters.</source>
        <translation>数据库名 %1 超过 64 个字符。</translation>
    </message>
</context>
<context>
    <name>PairDataSteps</name>
    <message>
        <location filename="../models/setup/pairdatasteps.cpp" line="+68"/>
        <source>where %1&apos;s binary log stood when the data was inspected</source>
        <translation>检查数据时 %1 的 binlog 位点</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>could not check the copy: %1</source>
        <translation>无法检查拷贝：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 already replicates from %2: a copy would replace data it is applying</source>
        <translation>%1 已在从 %2 复制：拷贝会替换它正在应用的数据</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>could not check the physical copy: %1</source>
        <translation>无法检查物理拷贝：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the logical copy is made</source>
        <translation>将进行逻辑拷贝</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>copyMethod auto: the logical copy (the physical one cannot be made: %1)</source>
        <translation>copyMethod auto：使用逻辑拷贝（无法进行物理拷贝：%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copyMethod auto: the logical copy (%1 of data, the physical copy is taken above %2)</source>
        <translation>copyMethod auto：使用逻辑拷贝（数据量 %1，超过 %2 才使用物理拷贝）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>copyMethod auto: the physical copy (%1 of data)</source>
        <translation>copyMethod auto：使用物理拷贝（数据量 %1）</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Copy %1 (%2, %n table(s)) from %3 to %4 online: %5 on %4&apos;s host, piped into %6 with sql_log_bin=0; %4 read-only meanwhile</source>
        <translation>
            <numerusform>在线将 %1（%2，%n 张表）从 %3 拷贝到 %4：在 %4 的主机上运行 %5，通过管道导入 %6（sql_log_bin=0）；期间 %4 为只读</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>before: %1&apos;s databases empty or replacing confirmed, free space (%2 free), the tools on %1&apos;s host; after: both exit codes, the dump&apos;s coordinates</source>
        <translation>之前：%1 的数据库为空或已确认替换、剩余空间（剩余 %2）、%1 的主机上的工具；之后：两个退出码、转储中的 binlog 位点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>on failure or cancel the partial copy is dropped from %1; %2 is never written</source>
        <translation>失败或取消时，从 %1 删除拷贝到一半的数据；%2 始终不会被写入</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>; then the replicated tables compared at one exact point, also under writes (the replica&apos;s SQL thread stopped at the position of the source&apos;s consistent snapshot, a checksum of every row on both): setup fails naming any table that differs</source>
        <translation>；随后在同一个确切的位点比较复制的表，有写入时也可以（从库的 SQL 线程停在主库一致性快照对应的位点，对两台服务器上的每一行计算校验和）：任何表不一致都会使搭建失败，并列出该表</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>comparing the replicated tables at one point of a binary log, in each direction until one counts</source>
        <translation>正在 binlog 的同一位点比较复制的表，逐个方向进行，直到有一次比较得出有效结果</translation>
    </message>
    <message>
        <location line="+30"/>
        <source> %1&apos;s binary log was off until this setup restarted it, and %1 held data: rows written on %1 before that restart are in no binary log and never reached %2. Copy the data instead: setup --copy-from %1 --replace-target (profile &quot;initialCopy&quot;: &quot;%1&quot;).</source>
        <translation> %1 的 binlog 在本次搭建重启它之前一直是关闭的，而 %1 上已有数据：重启之前写入 %1 的行不在任何 binlog 中，从未到达 %2。请改为拷贝数据：setup --copy-from %1 --replace-target（配对方案 &quot;initialCopy&quot;: &quot;%1&quot;）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>replication runs both ways, but %1: not verified.%2</source>
        <translation>两个方向都在复制，但%1：未通过验证。%2</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>the start of the binary log %1 turned on at its restart</source>
        <translation>%1 重启时开启的 binlog 的起点</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>leave &quot;initialCopy&quot; out, or remove that replication first (%1)</source>
        <translation>请去掉 &quot;initialCopy&quot;，或先移除该复制（%1）</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1&apos;s old %2 saved first in %3 (kept until you remove it) and loaded back on failure or cancel; %4 is never written</source>
        <translation>%1 原有的 %2 先保存在 %3 中（保留到您将其删除），失败或取消时会加载回去；%4 从不被写入</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>copying all of %1 physically (%2)</source>
        <translation>正在物理拷贝 %1 的全部数据（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>copying %1 from %2</source>
        <translation>正在从 %2 拷贝 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the point of the copy</source>
        <translation>拷贝时的位点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>where %1 stood at the end of the copy, still read-only</source>
        <translation>拷贝结束时 %1 的位点（仍为只读）</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 copied (%n table(s)) in %2 s; %3 replicates from %4 at %5</source>
        <translation>
            <numerusform>已在 %2 秒内拷贝 %1（%n 张表）；%3 从 %4 的 %5 处开始复制</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairInspection</name>
    <message>
        <location filename="../models/setup/pairinspection.cpp" line="+37"/>
        <source>%1, server_id %2, binary log %3</source>
        <translation>%1，server_id %2，binlog %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+46"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+46"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>TLS %1 (have_ssl %2), RepliPair&apos;s session %3</source>
        <translation>TLS %1（have_ssl %2），RepliPair 的会话 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in clear text</source>
        <translation>明文</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>encrypted (%1)</source>
        <translation>已加密（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; %1&apos;s certificate from here: %2</source>
        <translation>；从此处查看 %1 的证书：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1:%2 answers</source>
        <translation>%1:%2 有响应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1:%2 does not answer</source>
        <translation>%1:%2 无响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot check (no bash or timeout on the host)</source>
        <translation>无法检查（主机上没有 bash 或 timeout）</translation>
    </message>
</context>
<context>
    <name>PairList</name>
    <message>
        <location filename="../ui/pairlist.cpp" line="+16"/>
        <source>Saved pairs</source>
        <translation>已保存的服务器对</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Remove from List</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (demo)</source>
        <translation>%1（演示）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The demo&apos;s pair: it goes when the demo&apos;s servers stop.
%1</source>
        <translation>演示用的服务器对：演示服务器停止后它会随之消失。
%1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>waiting for a password</source>
        <translation>正在等待密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lag %1 s</source>
        <translation>延迟 %1 秒</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Waiting for a password: open the pair to type it (its passwords are neither remembered nor in a variable or file).</source>
        <translation>正在等待密码：打开该双主配对以输入密码（其密码不会被记住，也不在变量或文件中）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last event: %1</source>
        <translation>最近事件：%1</translation>
    </message>
</context>
<context>
    <name>PairProfile</name>
    <message>
        <location filename="../models/common/serverprofile.cpp" line="+30"/>
        <source>&quot;agent&quot;: true logs in with the ssh-agent&apos;s keys; it cannot go with &quot;keyFile&quot;</source>
        <translation>&quot;agent&quot;: true 表示使用 ssh-agent 中的密钥登录；不能与 &quot;keyFile&quot; 同时使用</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&quot;configFile&quot; must be a path or &quot;auto&quot;</source>
        <translation>&quot;configFile&quot; 必须是路径或 &quot;auto&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;restartCommand&quot; must be a command or &quot;auto&quot;</source>
        <translation>&quot;restartCommand&quot; 必须是命令或 &quot;auto&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;tls&quot; must be an object with &quot;ca&quot;, &quot;cert&quot; and &quot;key&quot;, or null</source>
        <translation>&quot;tls&quot; 必须是包含 &quot;ca&quot;、&quot;cert&quot; 和 &quot;key&quot; 的对象，或为 null</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;ssh&quot; must be an object or null</source>
        <translation>&quot;ssh&quot; 必须是对象或 null</translation>
    </message>
    <message>
        <location filename="../models/common/pairprofile.cpp" line="+32"/>
        <source>&quot;timeoutSeconds&quot; must be a whole number of seconds from 1 to 3600</source>
        <translation>&quot;timeoutSeconds&quot; 必须是 1 到 3600 之间的整数秒</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;writer&quot; must be &quot;both&quot; or the name of the server taking the writes (%1 or %2)</source>
        <translation>&quot;writer&quot; 必须是 &quot;both&quot; 或接收写入的服务器名称（%1 或 %2）</translation>
    </message>
    <message>
        <location filename="../models/common/serverprofile.cpp" line="+12"/>
        <source>environment variable %1 (admin password) is not set</source>
        <translation>未设置环境变量 %1（管理员密码）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the admin password file %1 can be read by other users: make it private with chmod 600 %1</source>
        <translation>管理员密码文件 %1 可被其他用户读取：请用 chmod 600 %1 将其设为私有</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read the admin password file %1: %2</source>
        <translation>无法读取管理员密码文件 %1：%2</translation>
    </message>
    <message>
        <location filename="../models/common/pairprofile.cpp" line="+41"/>
        <source>profile</source>
        <translation>配对方案</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;replicationUser&quot; must be 1 to 32 characters</source>
        <translation>“replicationUser”必须为 1 到 32 个字符</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;gtid&quot; must be &quot;auto&quot;, &quot;on&quot; or &quot;off&quot;</source>
        <translation>“gtid”必须是“auto”、“on”或“off”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;tls&quot; must be an object</source>
        <translation>&quot;tls&quot; 必须是对象</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;ssl&quot; is ignored: &quot;tls&quot; says how the pair encrypts</source>
        <translation>&quot;ssl&quot; 已被忽略：由 &quot;tls&quot; 指定双主配对的加密方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;ssl&quot;: true is read as &quot;tls&quot;: {&quot;mode&quot;: &quot;required&quot;} (encrypted, but any certificate is believed); give &quot;tls&quot; with &quot;mode&quot;: &quot;verify-ca&quot; and your &quot;ca&quot; to check who answers</source>
        <translation>&quot;ssl&quot;: true 被视为 &quot;tls&quot;: {&quot;mode&quot;: &quot;required&quot;}（加密，但信任任何证书）；请设置 &quot;tls&quot; 为 &quot;mode&quot;: &quot;verify-ca&quot; 并指定您的 &quot;ca&quot;，以检查响应的是谁</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;filterStyle&quot; must be &quot;wild&quot; or &quot;do-db&quot;</source>
        <translation>&quot;filterStyle&quot; 必须是 &quot;wild&quot; 或 &quot;do-db&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;restart&quot; must be &quot;auto&quot;, &quot;allowed&quot; or &quot;never&quot;</source>
        <translation>&quot;restart&quot; 必须是 &quot;auto&quot;、&quot;allowed&quot; 或 &quot;never&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;binlogFormat&quot; must be ROW, MIXED or STATEMENT</source>
        <translation>“binlogFormat”必须是 ROW、MIXED 或 STATEMENT</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;syncBinlog&quot; must be a number of 0 or more</source>
        <translation>“syncBinlog”必须是大于或等于 0 的数字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>database &quot;%1&quot; is both replicated and ignored</source>
        <translation>数据库“%1”同时被设为复制和忽略</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;servers&quot; must be an array of exactly two servers</source>
        <translation>“servers”必须是恰好包含两台服务器的数组</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the two servers must have different names</source>
        <translation>两台服务器必须使用不同的名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>both servers are %1: a server cannot replicate with itself</source>
        <translation>两台服务器都是 %1：服务器不能从自身复制</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;copyMethod&quot; must be &quot;logical&quot;, &quot;physical&quot; or &quot;auto&quot;</source>
        <translation>&quot;copyMethod&quot; 必须是 &quot;logical&quot;、&quot;physical&quot; 或 &quot;auto&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;initialCopy&quot; must be null or the name of the server copied from (%1 or %2)</source>
        <translation>&quot;initialCopy&quot; 必须为 null 或数据来源服务器的名称（%1 或 %2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;hooks&quot; must be an object or null</source>
        <translation>&quot;hooks&quot; 必须是对象或 null</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not valid JSON at offset %2: %3</source>
        <translation>%1 在偏移量 %2 处不是有效的 JSON：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must hold a JSON object</source>
        <translation>%1 必须包含一个 JSON 对象</translation>
    </message>
    <message>
        <location line="+57"/>
        <location line="+4"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PairState</name>
    <message>
        <location filename="../models/operation/pairstate.cpp" line="+36"/>
        <source>%1; since then: %2</source>
        <translation>%1；此后：%2</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 is the same on both now; still differing: %2</source>
        <translation>%1 现在两台服务器上一致；仍不一致：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is the same on both now, the only table found differing</source>
        <translation>%1 现在两台服务器上一致，它是唯一发现不一致的表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is the same on both now; the other tables were not compared since the difference was found</source>
        <translation>%1 现在两台服务器上一致；发现不一致之后其他表未再比对</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>data equal</source>
        <translation>数据一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data differs</source>
        <translation>数据不一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data unverified</source>
        <translation>数据未验证</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>data equal when last compared (%1)</source>
        <translation>上次比对时数据一致（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data differs (%1): %2; repair the tables or rebuild a server, then compare again</source>
        <translation>数据不一致（%1）：%2；请修复这些表或重建一台服务器，然后再次比对</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>data unverified since %1: %2; compare the data to know whether they differ</source>
        <translation>自 %1 起数据未验证：%2；请比对数据以确认是否不一致</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a pair state (JSON object): %2</source>
        <translation>%1 不是配对状态文件（JSON 对象）：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot remove %1</source>
        <translation>无法删除 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PairVerifier</name>
    <message>
        <location filename="../models/setup/pairverifier.cpp" line="+100"/>
        <source>%1 is read-only and the admin account cannot write the test row there; the monitor&apos;s heartbeat needs the same: GRANT %2 ON *.* to the admin account (%3)</source>
        <translation>%1 为只读，管理员账号无法在其上写入测试行；监控的心跳也需要同样的权限：GRANT %2 ON *.* 给管理员账号（%3）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(not in the message)</source>
        <translation>（消息中未包含）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 refused the replication account of %2: %3. %1 saw the connection come from %4, and the account is &apos;%5&apos;@&apos;%6&apos;. If %2 reaches %1 through NAT or another interface, set &quot;replicationUserHost&quot; in the profile to that address or a pattern such as &apos;10.0.0.%&apos;.</source>
        <translation>%1 拒绝了 %2 的复制账号：%3。%1 看到连接来自 %4，而账号是 &apos;%5&apos;@&apos;%6&apos;。如果 %2 通过 NAT 或其他网络接口访问 %1，请在配对方案中将“replicationUserHost”设为该地址或类似 &apos;10.0.0.%&apos; 的模式。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 is not the server process that came back from its restart (then %2; now %3): it restarted or was replaced since, so replication is NOT verified; look at why, then run setup again</source>
        <translation>%1 已不是重启后回来的那个服务器进程（当时 %2；现在 %3）：它此后又重启了或被替换了，因此复制未通过验证；请查明原因，然后再次运行搭建</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>waiting for the IO and SQL threads on both servers</source>
        <translation>正在等待两台服务器上的 IO 和 SQL 线程</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>writing a test row on each side</source>
        <translation>正在两端各写入一条测试行</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot tell which server answers: %1</source>
        <translation>无法判断是哪台服务器在响应：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was lost during the verification (%2): replication is NOT verified</source>
        <translation>验证期间与 %1 的连接丢失（%2）：复制未通过验证</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another server answers for %1 than at the start of the verification (now %2; before %3): replication is NOT verified</source>
        <translation>响应 %1 的服务器与验证开始时不同（现在是 %2；之前是 %3）：复制未通过验证</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 restarted during the verification (up %2 s now, %3 s at its start): replication is NOT verified; look at why it restarted, then run setup again</source>
        <translation>%1 在验证期间重启了（现已运行 %2 秒，验证开始时为 %3 秒）：复制未通过验证；请查明重启原因，然后再次运行搭建</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>replication is not configured on this server</source>
        <translation>此服务器上未配置复制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the SQL thread stopped: %1</source>
        <translation>SQL 线程已停止：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the source refused the binlog position: %1</source>
        <translation>主库拒绝了 binlog 位点：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IO and SQL threads running on both servers</source>
        <translation>两台服务器的 IO 和 SQL 线程均在运行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>replication from %1 is not running after %2 s: IO thread %3, SQL thread %4%5</source>
        <translation>%2 秒后从 %1 的复制仍未运行：IO 线程 %3，SQL 线程 %4%5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>replication did not start</source>
        <translation>复制未启动</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The test table %1 stays until the next run (a test row from %2 may still be on its way to %3).</source>
        <translation>测试表 %1 保留到下次运行（来自 %2 的测试行可能仍在复制到 %3 的途中）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The test table %1 stays until the next run (%2).</source>
        <translation>测试表 %1 保留到下次运行（%2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test table %1 was dropped on %2 (the drop replicates to %3).</source>
        <translation>测试表 %1 已在 %2 上删除（删除操作会复制到 %3）。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the test table %1.%2 created on %3 did not arrive within %4 s</source>
        <translation>在 %3 上创建的测试表 %1.%2 未在 %4 秒内到达</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>a test row written on %1 did not arrive on %2 within %3 s</source>
        <translation>在 %1 上写入的测试行未在 %3 秒内到达 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>test rows arrived: %1 → %2 in %3 ms, %2 → %1 in %4 ms</source>
        <translation>测试行已到达：%1 → %2 耗时 %3 毫秒，%2 → %1 耗时 %4 毫秒</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> (the connection to %1 was lost and reopened %n time(s))</source>
        <translation>
            <numerusform>（与 %1 的连接断开并重新建立了 %n 次）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairWorkers</name>
    <message>
        <location filename="../models/setup/pairworkers.cpp" line="+47"/>
        <source>started</source>
        <translation>已开始</translation>
    </message>
</context>
<context>
    <name>PasswordRequest</name>
    <message>
        <location filename="../ui/passwordrequest.cpp" line="+50"/>
        <source>Passwords for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RepliPair needs these passwords to watch the pair %1. They are kept in memory only, unless remembered in the keychain.</source>
        <translation>RepliPair 需要这些密码来监控双主配对 %1。密码仅保存在内存中，除非记在钥匙串中。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 — password of %2 on %3:</source>
        <translation>%1 — %3 上 %2 的密码：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — SSH password of %2 on %3:</source>
        <translation>%1 — %3 上 %2 的 SSH 密码：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remember in the keychain</source>
        <translation>记在钥匙串中(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile then names the keychain entries, never the passwords; the next start reads them from there.</source>
        <translation>之后配对方案中只记录钥匙串条目的名称，从不记录密码；下次启动时从钥匙串读取。</translation>
    </message>
</context>
<context>
    <name>PhysicalCopy</name>
    <message>
        <location filename="../models/copy/physicalcopy.cpp" line="+73"/>
        <source>cancelled by the user</source>
        <translation>已被用户取消</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>cannot make a work folder in %1 on %2&apos;s host: %3</source>
        <translation>无法在 %2 的主机上的 %1 中创建工作目录：%3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 --backup --stream=xbstream started on %2&apos;s host</source>
        <translation>已在 %2 的主机上启动 %1 --backup --stream=xbstream</translation>
    </message>
    <message>
        <location filename="../models/copy/physicalcopyrelay.cpp" line="+50"/>
        <source>ended by SIG%1</source>
        <translation>被 SIG%1 终止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ended without an exit status</source>
        <translation>结束时没有退出状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit %1: %2</source>
        <translation>退出码 %1：%2</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>mariadb-backup --backup on %1&apos;s host failed (exit %2): %3</source>
        <translation>%1 的主机上 mariadb-backup --backup 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the stream into %1&apos;s host was cut after %2 bytes (%3)</source>
        <translation>发往 %1 的主机的数据流在 %2 字节之后被切断（%3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its command ended before the stream did</source>
        <translation>它的命令在数据流结束之前就退出了</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the stream from %1&apos;s host was cut after %2 bytes (%3)</source>
        <translation>来自 %1 的主机的数据流在 %2 字节之后被切断（%3）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the stream lost bytes on its way: %1 read on %2&apos;s host, %3 relayed, %4 written on %5&apos;s host</source>
        <translation>数据流在途中丢失了字节：在 %2 的主机上读出 %1，转发 %3，在 %5 的主机上写入 %4</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>mariadb-backup --backup on %1&apos;s host ended without an exit status</source>
        <translation>%1 的主机上 mariadb-backup --backup 结束时没有退出状态</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>mbstream -x on %1&apos;s host failed (exit %2): %3</source>
        <translation>%1 的主机上 mbstream -x 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location filename="../models/copy/physicalcopyswap.cpp" line="+50"/>
        <location line="+6"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%4 -x on %1&apos;s host failed (exit %2): %3</source>
        <translation>%1 主机上的 %4 -x 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%4 --prepare on %1&apos;s host failed (exit %2): %3</source>
        <translation>%1 主机上的 %4 --prepare 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the copy is prepared in %1 (%2 s)</source>
        <translation>拷贝已在 %1 中准备好（%2 秒）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the backup carries no binary log coordinates (is the binary log of %1 on?)</source>
        <translation>备份中没有 binlog 位点（%1 的 binlog 是否已开启？）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup&apos;s point on %1: %2:%3%4</source>
        <translation>备份在 %1 上的位点：%2:%3%4</translation>
    </message>
    <message>
        <location filename="../models/copy/physicalcopyclone.cpp" line="+36"/>
        <source>CLONE replaces %1&apos;s data directory in place: its old data is not kept, and a clone cut short leaves %1 in an unknown state until it is copied again</source>
        <translation>CLONE 会原地替换 %1 的数据目录：其原有数据不会保留，克隆中途停止会使 %1 处于未知状态，直到再次拷贝</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the clone did not complete on %1: %2. Its data directory is in an unknown state: copy it again</source>
        <translation>%1 上的克隆未完成：%2。其数据目录处于未知状态：请再次拷贝</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the clone&apos;s point on %1: %2:%3%4</source>
        <translation>克隆在 %1 上的位点：%2:%3%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../models/copy/physicalcopyswap.cpp" line="+3"/>
        <source>, GTID %1</source>
        <translation>，GTID %1</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>%1 on %2: %3</source>
        <translation>%2 上的 %1：%3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cancelled by the user during the clone: %1&apos;s data directory is in an unknown state; copy it again</source>
        <translation>克隆期间被用户取消：%1 的数据目录处于未知状态；请再次拷贝</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 did not restart by itself after the clone: starting it</source>
        <translation>克隆后 %1 未自行重启：正在启动它</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 answers again but its clone_status does not show the clone&apos;s end</source>
        <translation>%1 已重新响应，但其 clone_status 未显示克隆结束</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>could not put %1&apos;s clone settings back (clone_valid_donor_list, the account %2@localhost): %3</source>
        <translation>无法恢复 %1 的克隆设置（clone_valid_donor_list、账号 %2@localhost）：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1&apos;s data directory is in an unknown state after the clone was cut short: copy it again (rebuild %1)</source>
        <translation>克隆中途停止后 %1 的数据目录处于未知状态：请再次拷贝（重建 %1）</translation>
    </message>
    <message>
        <location filename="../models/copy/physicalcopyswap.cpp" line="+34"/>
        <source>stopping %1, moving its data folder to %2, the copy in, starting it</source>
        <translation>正在停止 %1，将其数据目录移到 %2，移入拷贝，再启动它</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 runs on the copy; its old data folder is kept as %2</source>
        <translation>%1 已在拷贝上运行；原数据目录保留为 %2</translation>
    </message>
    <message>
        <location filename="../models/copy/physicalcopyundo.cpp" line="+42"/>
        <source>could not put %1&apos;s old data folder back (%2): it is in %3; stop %1, move %4 away and %3 back to %4, and start it</source>
        <translation>无法将 %1 的原数据目录放回（%2）：它在 %3 中；请停止 %1，将 %4 移开，把 %3 移回 %4，然后启动它</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 runs on its old data again</source>
        <translation>%1 已重新在原有数据上运行</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>could not drop the temporary account %1 on %2: %3</source>
        <translation>无法删除 %2 上的临时账号 %1：%3</translation>
    </message>
</context>
<context>
    <name>PhysicalCopyCheck</name>
    <message>
        <location filename="../models/copy/physicalcheck.cpp" line="+262"/>
        <source>use &quot;copyMethod&quot;: &quot;logical&quot;</source>
        <translation>请使用 &quot;copyMethod&quot;: &quot;logical&quot;</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>%1 not found on %2&apos;s host (in the PATH of the login RepliPair uses)</source>
        <translation>在 %2 的主机上找不到 %1（在 RepliPair 所用登录的 PATH 中）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on %1&apos;s host, %2; or use &quot;copyMethod&quot;: &quot;logical&quot;</source>
        <translation>在 %1 的主机上%2；或使用 &quot;copyMethod&quot;: &quot;logical&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 on %2&apos;s host: %3</source>
        <translation>%2 主机上的 %1：%3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>XtraBackup cannot copy here (%1) and MySQL&apos;s CLONE replaces %2&apos;s data directory in place: %2&apos;s old data would not be kept</source>
        <translation>XtraBackup 在此无法拷贝（%1），而 MySQL 的 CLONE 会原地替换 %2 的数据目录：%2 的原有数据将不会保留</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rebuild without keeping the old data (--no-save), or %1</source>
        <translation>不保留原有数据进行重建（--no-save），或%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 runs %2 and %3 runs %4: a physical copy needs the same major version</source>
        <translation>%1 运行 %2，%3 运行 %4：物理拷贝要求主版本相同</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no account named %2: a physical copy gives %3 %1&apos;s accounts, and RepliPair could no longer log in to %3</source>
        <translation>%1 上没有名为 %2 的账号：物理拷贝会让 %3 拥有 %1 的账号，RepliPair 将无法再登录 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>create %1 on %2 with the same password as on %3, or use &quot;copyMethod&quot;: &quot;logical&quot;</source>
        <translation>请在 %2 上创建 %1，密码与 %3 上相同，或使用 &quot;copyMethod&quot;: &quot;logical&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be written on %2&apos;s host: the copy is put there, next to the data folder, to be swapped in</source>
        <translation>无法在 %2 的主机上写入 %1：拷贝会放在数据目录旁，以便替换进去</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>log in as the owner of %1, or set &quot;sudo&quot;: true</source>
        <translation>请以 %1 的所有者身份登录，或设置 &quot;sudo&quot;: true</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 free next to %2&apos;s data folder, the copy needs about %3</source>
        <translation>%2 的数据目录旁有 %1 可用空间，拷贝约需 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>free space on %1&apos;s host</source>
        <translation>%1 的主机上的可用空间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no way to start %1 again is known: the physical copy stops it to swap its data folder</source>
        <translation>不知道如何再次启动 %1：物理拷贝需要停止它以替换数据目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set &quot;restartCommand&quot; for %1</source>
        <translation>请为 %1 设置 &quot;restartCommand&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no pid file: the copy cannot stop it to swap its data folder</source>
        <translation>%1 没有 pid 文件：拷贝无法停止它以替换数据目录</translation>
    </message>
</context>
<context>
    <name>PhysicalPlan</name>
    <message>
        <location filename="../models/copy/physicalplan.cpp" line="+22"/>
        <source>Copy all of %1 (%2) to %3 with MySQL&apos;s CLONE: %4 run on %3, which replaces its data directory %5 in place and restarts on it</source>
        <translation>用 MySQL 的 CLONE 将 %1 的全部数据（%2）拷贝到 %3：在 %3 上运行 %4，它会原地替换其数据目录 %5 并以此重启</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>before: the clone plugin ACTIVE on both servers, the same MySQL version (8.0.17 or newer) and platform, %1&apos;s admin account on %2; after: %1 back, performance_schema.clone_status Completed with the donor&apos;s coordinates</source>
        <translation>之前：两台服务器上 clone 插件均为 ACTIVE，MySQL 版本（8.0.17 或更新）和平台相同，%2 上有 %1 的管理员账号；之后：%1 恢复运行，performance_schema.clone_status 为 Completed 并带有捐赠端的 binlog 位点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1&apos;s old data is not kept (CLONE replaces it in place): a clone that fails or is cancelled leaves %1 in an unknown state until it is copied again; %2 is never written</source>
        <translation>%1 的原有数据不会保留（CLONE 原地替换）：克隆失败或被取消会使 %1 处于未知状态，直到再次拷贝；%2 从不被写入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy all of %1 (%2) to %3 physically: %5 --backup --stream=xbstream on %1&apos;s host, carried over SSH into %6 -x next to %3&apos;s data folder, %5 --prepare; then %3 stopped, %4 moved aside, the copy moved in, %3 started</source>
        <translation>将 %1 的全部数据（%2）物理拷贝到 %3：在 %1 的主机上运行 %5 --backup --stream=xbstream，经 SSH 传到 %3 数据目录旁的 %6 -x，%5 --prepare；然后停止 %3，将 %4 移开，移入拷贝，启动 %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>-- on %1: temporary account %2, generated password in a 0600 option file on %1&apos;s host</source>
        <translation>-- 在 %1 上：临时账号 %2，生成的密码保存在 %1 主机上权限为 0600 的配置文件中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>before: %1 and %2 of the servers&apos; version on both hosts (%3), room next to %4&apos;s data folder, %4&apos;s admin account on %5; after: the exit codes, %4 back and verified, the backup&apos;s coordinates</source>
        <translation>之前：两台主机上有与服务器版本相符的 %1 和 %2（%3），%4 数据目录旁有足够空间，%5 上有 %4 的管理员账号；之后：检查退出码，%4 恢复运行并通过验证，读取备份的 binlog 位点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>on failure or cancel %1 stays on (or goes back to) its old data folder; %2 is never written; the old folder is kept as %3-before-copy-&lt;time&gt;</source>
        <translation>失败或取消时 %1 保持（或回到）其原有数据目录；%2 从不被写入；原有目录保留为 %3-before-copy-&lt;时间&gt;</translation>
    </message>
</context>
<context>
    <name>PlanBuilder</name>
    <message>
        <location filename="../models/setup/planbuilder.cpp" line="+27"/>
        <source>Replication settings in %1; restart (%2 changed)</source>
        <translation>复制设置写入 %1；需要重启（%2 已更改）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replication settings in %1; no restart (the server keeps running; %2 in force from its next restart)</source>
        <translation>复制设置写入 %1；不重启（服务器继续运行；%2 从下次重启起生效）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replication settings in %1; no restart needed</source>
        <translation>复制设置写入 %1；无需重启</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>effective values: %1</source>
        <translation>生效值：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each changed file is backed up beside itself as &lt;file&gt;.replipair-&lt;time&gt;.bak; copy it back and restart</source>
        <translation>每个更改过的文件都在原处备份为 &lt;文件&gt;.replipair-&lt;时间&gt;.bak；将其拷贝回去并重启即可</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replication account for %1, with a generated password</source>
        <translation>为 %1 创建复制账号，使用生成的密码</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Start point for %1: where %2&apos;s binary log stood when the data was inspected, %3:%4%5 (already read, without a lock)</source>
        <translation>%1 的起始位点：检查数据时 %2 的 binlog 所在位点 %3:%4%5（已读取，无需加锁）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, GTID %1</source>
        <translation>，GTID %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start point for %1: the start (position 4) of the binary log that this setup&apos;s restart of %2 turns on, so every transaction after that restart reaches %1; no lock</source>
        <translation>%1 的起始位点：本次搭建重启 %2 时开启的 binlog 的开头（位点 4），重启之后的每个事务都会到达 %1；无需加锁</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Binlog coordinates under a short read lock, always released</source>
        <translation>在短暂的全局读锁下读取 binlog 位点，锁总会释放</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Writer role: %1 takes the application&apos;s writes (read_only OFF, live and in its option file)</source>
        <translation>写入角色：%1 接收应用的写入（read_only OFF，在线设置并写入其配置文件）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writer role: %1 is read-only (read_only ON, live and in its option file); replication still applies there</source>
        <translation>写入角色：%1 为只读（read_only ON，在线设置并写入其配置文件）；复制仍在其上应用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SET GLOBAL read_only back to what it was; the option file&apos;s backup</source>
        <translation>SET GLOBAL read_only 恢复为原值；配置文件的备份</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+18"/>
        <source>&lt;file read above&gt;</source>
        <translation>&lt;上面读取的文件&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Replicate from %1</source>
        <translation>从 %1 复制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;GTID position read above&gt;</source>
        <translation>&lt;上面读取的 GTID 位点&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IO and SQL threads running</source>
        <translation>IO 和 SQL 线程正在运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verify: both threads on both servers, and a test row each way through %1.replipair_probe (dropped afterwards)</source>
        <translation>验证：两台服务器上的两个线程，以及通过 %1.replipair_probe 在每个方向传递一条测试行（之后删除）</translation>
    </message>
</context>
<context>
    <name>PlanCommand</name>
    <message>
        <location filename="../app/cli/plancommand.cpp" line="+29"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PlanFingerprint</name>
    <message>
        <location filename="../models/setup/planfingerprint.cpp" line="+37"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>the plan was made by another version of RepliPair (fingerprint format %1, this one makes %2)</source>
        <translation>该方案由另一版本的 RepliPair 生成（指纹格式 %1，本版本生成 %2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the profile changed since the plan was made</source>
        <translation>生成方案后配对方案已更改</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 was %2, is now %3</source>
        <translation>%1 原为 %2，现为 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this is not the server the plan was made for</source>
        <translation>这不是生成方案时所针对的服务器</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>setting %1 was %2, is now %3</source>
        <translation>设置 %1 原为 %2，现为 %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>option file %1 is new (it was not there when the plan was made)</source>
        <translation>配置文件 %1 是新的（生成方案时不存在）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>option file %1 is gone, or is no longer read</source>
        <translation>配置文件 %1 已不存在，或已不再被读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>option file %1 changed since the plan was made</source>
        <translation>生成方案后配置文件 %1 已更改</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the plan&apos;s steps are now: %1; the approved plan had: %2</source>
        <translation>方案的步骤现在是：%1；已批准的方案为：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>step %1 (%2) would now do something else than in the approved plan</source>
        <translation>步骤 %1（%2）现在执行的操作将与已批准的方案不同</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../ui/wizard/planpage.cpp" line="+28"/>
        <source>&amp;Export Plan…</source>
        <translation>导出计划(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exactly what will be done, step by step. Passwords are shown as ***. Nothing has changed yet.</source>
        <translation>将逐步执行的确切操作。密码显示为 ***。目前尚未做任何更改。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Plan steps</source>
        <translation>计划步骤</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Statements and configuration changes of the selected step</source>
        <translation>所选步骤的语句和配置更改</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+129"/>
        <source>Export Plan</source>
        <translation>导出计划</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Text (*.txt);;JSON (*.json)</source>
        <translation>文本 (*.txt);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Working out the plan…</source>
        <translation>正在制定计划…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No plan: %1</source>
        <translation>无法生成计划：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both directions already replicate as configured: there is nothing to change. Running the setup only verifies the pair.</source>
        <translation>两个方向都已按配置复制：无需更改。运行搭建只会验证这对服务器。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Steps: %n. Select one to see its statements and configuration changes.</source>
        <translation>
            <numerusform>共 %n 个步骤。选择一个步骤可查看其语句和配置更改。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>-- SQL on %1
</source>
        <translation>-- 在 %1 上执行的 SQL
</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>both servers</source>
        <translation>两台服务器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source># configuration change
</source>
        <translation># 配置更改
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source># checked afterwards: %1
</source>
        <translation># 之后检查：%1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source># undone by: %1
</source>
        <translation># 撤销方式：%1
</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The plan could not be written to %1: %2</source>
        <translation>无法将计划写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <location filename="../models/platform/platform.cpp" line="+38"/>
        <source>commands on this computer need a POSIX shell (/bin/sh), which Windows does not have: reach the server over SSH instead</source>
        <translation>此计算机上的命令需要 POSIX shell（/bin/sh），而 Windows 没有：请改为通过 SSH 访问服务器</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the sandbox (two local MariaDB servers) works on Linux only</source>
        <translation>沙箱（两台本地 MariaDB 服务器）仅支持 Linux</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../ui/preferencesdialog.cpp" line="+23"/>
        <source>Show a &amp;notification in the system tray on every state change</source>
        <translation>每次状态变化时在系统托盘中显示通知(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare the open pair&apos;s &amp;data every day at</source>
        <translation>每天在以下时间比对已打开双主配对的数据(&amp;D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The live comparison (chunk by chunk, while the application writes) runs at that time while RepliPair is open; its result goes to the log and, when the data differ, to the banner.</source>
        <translation>在线数据比对（逐块进行，同时应用照常写入）会在 RepliPair 打开期间于该时间运行；结果写入日志，数据不一致时还会显示在横幅中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new language applies fully when RepliPair starts again.</source>
        <translation>新语言将在 RepliPair 重新启动后完全生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Poll interval:</source>
        <translation>轮询间隔(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lag &amp;warning above:</source>
        <translation>延迟警告阈值(&amp;W)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data check:</source>
        <translation>数据检查：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <location filename="../models/setup/preflight.cpp" line="+50"/>
        <location line="+3"/>
        <source>check the admin user and the password in %1</source>
        <translation>请检查 %1 中的管理员用户和密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check the admin user and the password remembered in the keychain (%1)</source>
        <translation>请检查管理员用户和钥匙串中记住的密码（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check the admin user %1 and the password typed for %2</source>
        <translation>请检查管理员用户 %1 和为 %2 输入的密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check that the server runs and that %1 is reachable from here</source>
        <translation>请检查服务器是否在运行，以及从这里能否访问 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 and %2 are the same server (%3): a server cannot replicate with itself</source>
        <translation>%1 和 %2 是同一台服务器（%3）：服务器不能从自身复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>point the profile at two different servers</source>
        <translation>请让配对方案指向两台不同的服务器</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 runs %2 and %3 runs %4: MySQL and MariaDB do not replicate both ways reliably</source>
        <translation>%1 运行 %2，%3 运行 %4：MySQL 与 MariaDB 之间无法可靠地双向复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pair two servers of the same flavor</source>
        <translation>请用两台同为 MySQL 或同为 MariaDB 的服务器配对</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 runs %2 and %3 runs %4: in master-master each is the other&apos;s replica, and a newer source can write what an older replica cannot read</source>
        <translation>%1 运行 %2，%3 运行 %4：在双主复制中，双方互为从库，较新的主库可能写出较旧从库无法读取的内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>upgrade the older server first</source>
        <translation>请先升级较旧的服务器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>both servers have server_id %1: each would ignore the other&apos;s events as its own</source>
        <translation>两台服务器的 server_id 都是 %1：每台都会把对方的事件当作自己的而忽略</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 keeps server_id %2, %3 gets server_id %4</source>
        <translation>%1 保留 server_id %2，%3 获得 server_id %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>server_id is 0: the server refuses to replicate</source>
        <translation>server_id 为 0：服务器拒绝复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server_id %1 will be set</source>
        <translation>将设置 server_id %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the binary log is off, so the peer has nothing to replicate</source>
        <translation>binlog 已关闭，因此对端没有可复制的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log-bin will be set in the configuration; this needs a restart of the server</source>
        <translation>将在配置中设置 log-bin；这需要重启服务器</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server is read_only: applications cannot write to it</source>
        <translation>服务器处于 read_only 状态：应用程序无法写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replication works; set read_only=OFF when this server should take writes</source>
        <translation>复制正常；当此服务器需要接受写入时，请设置 read_only=OFF</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the admin account lacks %1</source>
        <translation>管理员账号缺少 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GRANT them ON *.* to the admin account, or use an account that has them</source>
        <translation>请用 GRANT … ON *.* 将这些权限授予管理员账号，或使用拥有这些权限的账号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1&apos;s host cannot open a connection to %2 at %3:%4</source>
        <translation>%1 的主机无法连接到位于 %3:%4 的 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>check &quot;peerHost&quot; of %1, its bind-address and the firewall between the two</source>
        <translation>请检查 %1 的“peerHost”、其 bind-address 以及两台服务器之间的防火墙</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the replication account would be for host name %1, but this server runs with skip_name_resolve and matches accounts by address only: %2 could never log in</source>
        <translation>复制账号将针对主机名 %1，但此服务器启用了 skip_name_resolve，只按地址匹配账号：%2 将永远无法登录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>use %1&apos;s IP address as its &quot;peerHost&quot;, or set &quot;replicationUserHost&quot; to an address or pattern</source>
        <translation>请使用 %1 的 IP 地址作为其“peerHost”，或将“replicationUserHost”设为一个地址或模式</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>already replicates from %1:%2, not from %3</source>
        <translation>已经在从 %1:%2 复制，而不是从 %3</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>copy it from %1 (setup --copy-from %1) so both start with the same data</source>
        <translation>从 %1 拷贝数据（setup --copy-from %1），使两台服务器以相同的数据开始</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>replication from %1 stopped on error %2: %3</source>
        <translation>从 %1 的复制因错误 %2 停止：%3</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>make the admin password file %1 readable by you alone (chmod 600)</source>
        <translation>请将管理员密码文件 %1 设为仅您本人可读（chmod 600）</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>replication from %1 cannot continue: %2</source>
        <translation>从 %1 的复制无法继续：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>replication from %1 is configured but not running%2</source>
        <translation>已配置从 %1 的复制，但未在运行%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>setup gives it fresh credentials and starts it, keeping its position</source>
        <translation>搭建会为其换上新的凭据并启动它，保留其原有位点</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>binlog_format is %1 and only database(s) %2 are replicated: with statement logging the do/ignore-db filters go by the default database, so a write made without USE %3 (for example while another database is selected) is silently not replicated</source>
        <translation>binlog_format 为 %1，且只复制数据库 %2：在基于语句的日志格式下，do/ignore-db 过滤器按默认数据库判断，因此未先执行 USE %3 的写入（例如选中了其他数据库时）不会被复制，且没有任何提示</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>choose binlog format ROW (profile: &quot;binlogFormat&quot;: &quot;ROW&quot;; wizard: the Options page), so filters go by the table&apos;s own database</source>
        <translation>选择 binlog 格式 ROW（配对方案：&quot;binlogFormat&quot;: &quot;ROW&quot;；向导：“选项”页），这样过滤器按表自身所在的数据库判断</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>binlog_format is %1 and %2 is ignored: with statement logging the ignore-db filters go by the default database, so any write made while %2 is selected is silently not replicated</source>
        <translation>binlog_format 为 %1 且忽略了 %2：在基于语句的日志格式下，ignore-db 过滤器按默认数据库判断，因此在选中 %2 时进行的任何写入都不会被复制，且没有任何提示</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>set the environment variable %1 to %2&apos;s admin password</source>
        <translation>请将环境变量 %1 设置为 %2 的管理员密码</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>RepliPair will not re-point it; remove that replication first (%1) if it is no longer wanted</source>
        <translation>RepliPair 不会将其重新指向；如果不再需要该复制，请先将其移除（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>repair the data so the event applies, then %1; RepliPair never skips events by itself</source>
        <translation>修复数据使该事件能够应用，然后 %1；RepliPair 从不自行跳过事件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the source no longer has the binary logs this replica needs: copy the data afresh, then %1 and run setup again</source>
        <translation>主库已不再保留该从库所需的 binlog：请重新拷贝数据，然后 %1 并再次运行搭建</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>replicate-do-db is %1 on this server, the profile says %2</source>
        <translation>此服务器上的 replicate-do-db 为 %1，而配对方案为 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the profile&apos;s filters will replace it</source>
        <translation>配对方案中的过滤器将替换它</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>database %1 exists on neither server</source>
        <translation>数据库 %1 在两台服务器上都不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create it on both servers first</source>
        <translation>请先在两台服务器上创建它</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>database %1 exists on %2 but not on %3</source>
        <translation>数据库 %1 存在于 %2 上，但不存在于 %3 上</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>database %1 differs: only on %2: %3; only on %4: %5</source>
        <translation>数据库 %1 不一致：仅在 %2 上：%3；仅在 %4 上：%5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>make both copies the same before pairing; replication does not reconcile existing data</source>
        <translation>配对前请使两台服务器的数据一致；复制不会修正已有的数据差异</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;gtid&quot;: &quot;on&quot; but these servers cannot use GTID auto-positioning together</source>
        <translation>“gtid”为“on”，但这两台服务器无法共同使用 GTID 自动定位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use &quot;gtid&quot;: &quot;auto&quot; or &quot;off&quot;</source>
        <translation>请使用 &quot;gtid&quot;: &quot;auto&quot; 或 &quot;off&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the replication account may connect from any host (&apos;%&apos;)</source>
        <translation>复制账号可以从任何主机（&apos;%&apos;）连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restrict &quot;replicationUserHost&quot; to the peer&apos;s address or subnet</source>
        <translation>请将“replicationUserHost”限制为对端的地址或子网</translation>
    </message>
</context>
<context>
    <name>PreflightConfig</name>
    <message>
        <location filename="../models/setup/preflightconfig.cpp" line="+19"/>
        <source>&quot;filterStyle&quot;: &quot;do-db&quot; filters by the default database (USE), not by the table: DDL such as CREATE TABLE %1.t run while no database (or another one) is selected is never replicated, even with binlog_format ROW, and the next write to that table stops the peer&apos;s SQL thread (error 1146)</source>
        <translation>&quot;filterStyle&quot;: &quot;do-db&quot; 按默认数据库（USE）而不是按表过滤：在未选择数据库（或选择了其他数据库）时执行的 DDL（例如 CREATE TABLE %1.t）永远不会被复制，即使 binlog_format 为 ROW 也是如此，而之后对该表的下一次写入会使对端的 SQL 线程停止（错误 1146）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>use the default &quot;filterStyle&quot;: &quot;wild&quot; (replicate-wild-do-table=%1.%), or always USE %1 before changing its tables</source>
        <translation>请使用默认的 &quot;filterStyle&quot;: &quot;wild&quot;（replicate-wild-do-table=%1.%），或在修改 %1 的表之前总是先 USE %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;filterStyle&quot;: &quot;do-db&quot;: a statement that writes %1 while another database is selected (USE other; UPDATE %1.t …) is not replicated, and one run under USE %1 that writes another database is; binlog-do-db also leaves the other databases out of the binary log, which point-in-time recovery needs</source>
        <translation>&quot;filterStyle&quot;: &quot;do-db&quot;：在选择了其他数据库时写入 %1 的语句（USE other; UPDATE %1.t …）不会被复制，而在 USE %1 下执行、却写入其他数据库的语句反而会被复制；binlog-do-db 还会把其他数据库排除在 binlog 之外，而时间点恢复需要它们</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>use the default &quot;filterStyle&quot;: &quot;wild&quot;, which filters by each table&apos;s own database</source>
        <translation>请使用默认的 &quot;filterStyle&quot;: &quot;wild&quot;，它按每张表自身所属的数据库过滤</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the binary log is off, and turning it on needs a restart, which &quot;restart&quot;: &quot;never&quot; forbids</source>
        <translation>binlog 已关闭，而开启它需要重启，&quot;restart&quot;: &quot;never&quot; 禁止重启</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>allow it (&quot;restart&quot;: &quot;auto&quot;), or add log-bin to its option file, restart it at a time of your choosing and run setup again</source>
        <translation>请允许重启（&quot;restart&quot;: &quot;auto&quot;），或将 log-bin 添加到其配置文件中，在您选定的时间重启它，然后再次运行搭建</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 becomes read-only (the writer is %2), and its admin account has no privilege that writes into a read-only server: setup&apos;s test row and the monitor&apos;s heartbeat cannot be written there</source>
        <translation>%1 将变为只读（写入端是 %2），而其管理员账号没有可写入只读服务器的权限：搭建的测试行和监控的心跳都无法在其上写入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GRANT %1 ON *.* TO the admin account of %2</source>
        <translation>GRANT %1 ON *.* TO %2 的管理员账号</translation>
    </message>
</context>
<context>
    <name>PreflightData</name>
    <message>
        <location filename="../models/setup/preflightdata.cpp" line="+31"/>
        <source>could not compare the data of both servers: %1</source>
        <translation>无法比较两台服务器的数据：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>make sure both hold the same data before pairing</source>
        <translation>请在配对之前确保两台服务器的数据相同</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>the data differs between %1 and %2 in %n of %3 table(s): %4 (row checksums)</source>
        <translation>
            <numerusform>%1 与 %2 之间有数据不一致：%3 张表中有 %n 张：%4（行校验和）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>let setup copy one server&apos;s databases to the other (--copy-from %1, profile &quot;initialCopy&quot;: &quot;%1&quot;), or make both the same first: replication does not reconcile existing data</source>
        <translation>请让搭建过程将一台服务器的数据库拷贝到另一台（--copy-from %1，配对方案 &quot;initialCopy&quot;: &quot;%1&quot;），或先使两台服务器的数据相同：复制不会修正已有的数据差异</translation>
    </message>
</context>
<context>
    <name>PreflightMySql</name>
    <message>
        <location filename="../models/setup/preflightmysql.cpp" line="+16"/>
        <source>super_read_only is ON: replication applies, but setup&apos;s own writes on this server (the replication account, the probe and heartbeat tables) would fail with ERROR 1290</source>
        <translation>super_read_only 为 ON：复制可以应用，但搭建自身在此服务器上的写入（复制账号、探测表和心跳表）会因 ERROR 1290 失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SET GLOBAL super_read_only = OFF (read_only stays ON) for the time of the setup, and set it again afterwards if this server is not the writer</source>
        <translation>在搭建期间 SET GLOBAL super_read_only = OFF（read_only 保持 ON），如果此服务器不是写入端，之后再重新设置</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (%2) cannot log in to a replication account on %3 (%4): MySQL 9 has no mysql_native_password, and %1 has no caching_sha2_password</source>
        <translation>%1（%2）无法登录 %3（%4）上的复制账号：MySQL 9 没有 mysql_native_password，而 %1 没有 caching_sha2_password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>upgrade %1 to MySQL 8.0 or later first</source>
        <translation>请先将 %1 升级到 MySQL 8.0 或更高版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2) can only log in with mysql_native_password, which %3 loads only when started with mysql_native_password=ON</source>
        <translation>%1（%2）只能用 mysql_native_password 登录，而 %3 只有在以 mysql_native_password=ON 启动时才会加载它</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>start %1 with mysql_native_password=ON, or upgrade %2</source>
        <translation>以 mysql_native_password=ON 启动 %1，或升级 %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>GTID replication turns enforce_gtid_consistency ON: from then on the server refuses, with an error to the application, transactions that mix transactional and non-transactional (MyISAM) tables, CREATE TEMPORARY TABLE or DROP TEMPORARY TABLE inside a transaction, and (before MySQL 8.0.21) CREATE TABLE ... SELECT</source>
        <translation>GTID 复制会将 enforce_gtid_consistency 设为 ON：此后服务器会拒绝以下事务并向应用返回错误：混用事务型与非事务型（MyISAM）表的事务、在事务内执行 CREATE TEMPORARY TABLE 或 DROP TEMPORARY TABLE，以及（MySQL 8.0.21 之前）CREATE TABLE ... SELECT</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>check the applications first: run with enforce_gtid_consistency=WARN for a while and read the error log, or use &quot;gtid&quot;: &quot;off&quot;</source>
        <translation>请先检查应用：以 enforce_gtid_consistency=WARN 运行一段时间并查看错误日志，或使用 &quot;gtid&quot;: &quot;off&quot;</translation>
    </message>
</context>
<context>
    <name>PreflightPage</name>
    <message>
        <location filename="../ui/wizard/preflightpage.cpp" line="+24"/>
        <source>Check &amp;Again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-flight checks</source>
        <translation>预检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both servers are inspected; nothing is changed. Every problem is listed at once.</source>
        <translation>检查两台服务器，不做任何更改。所有问题一次性列出。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Verdict</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finding</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happens / what to do</source>
        <translation>将会怎样 / 应该怎么做</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Inspecting %1 and %2…</source>
        <translation>正在检查 %1 和 %2…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Check the server&apos;s address and credentials, then check again.</source>
        <translation>请检查服务器的地址和凭据，然后重新检查。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>both</source>
        <translation>两台服务器</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Problems to solve before the setup can run: %n. Fix them and check again.</source>
        <translation>
            <numerusform>运行搭建前需要解决的问题：%n 个。请修复后重新检查。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>No blocking problem. Warnings to read: %n.</source>
        <translation>
            <numerusform>没有阻止性问题。需要阅读的警告：%n 条。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I have read the warnings above and want to continue</source>
        <translation>我已阅读以上警告，并希望继续</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>All checks passed.</source>
        <translation>所有检查均已通过。</translation>
    </message>
</context>
<context>
    <name>PreflightTls</name>
    <message>
        <location filename="../models/setup/preflighttls.cpp" line="+90"/>
        <source>save the profile again</source>
        <translation>请重新保存配对方案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS is off: the replication password&apos;s exchange, every replicated row and RepliPair&apos;s own statements travel in clear text between the servers</source>
        <translation>TLS 已关闭：复制密码的交换、每一条复制的行以及 RepliPair 自己的语句都以明文在服务器之间传输</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>both servers have TLS on: set &quot;tls&quot;: {&quot;mode&quot;: &quot;verify-ca&quot;, &quot;ca&quot;: …}</source>
        <translation>两台服务器都已开启 TLS：请设置 &quot;tls&quot;: {&quot;mode&quot;: &quot;verify-ca&quot;, &quot;ca&quot;: …}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turn TLS on in the servers (ssl-ca, ssl-cert, ssl-key) and set &quot;tls&quot; in the profile</source>
        <translation>请在服务器中开启 TLS（ssl-ca、ssl-cert、ssl-key），并在配对方案中设置 &quot;tls&quot;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has TLS off (have_ssl = %2) but the profile asks for &quot;%3&quot;</source>
        <translation>%1 的 TLS 已关闭（have_ssl = %2），但配对方案要求 &quot;%3&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set ssl-ca, ssl-cert and ssl-key in %1&apos;s option file and restart it, or set &quot;tls&quot; to &quot;off&quot;</source>
        <translation>请在 %1 的配置文件中设置 ssl-ca、ssl-cert 和 ssl-key 并重启它，或将 &quot;tls&quot; 设为 &quot;off&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1&apos;s certificate expired on %2</source>
        <translation>%1 的证书已于 %2 过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>install a new certificate on %1 (FLUSH SSL or ALTER INSTANCE RELOAD TLS)</source>
        <translation>请在 %1 上安装新证书（FLUSH SSL 或 ALTER INSTANCE RELOAD TLS）</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1&apos;s certificate expires in %n day(s), on %2</source>
        <translation>
            <numerusform>%1 的证书将在 %n 天后（%2）过期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>renew it before then; replicas that verify it stop on the day it expires</source>
        <translation>请在此之前更新证书；验证该证书的从库会在证书过期当天停止复制</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot check %1&apos;s certificate from %2&apos;s host: %3</source>
        <translation>无法从 %2 的主机检查 %1 的证书：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the replica thread will check it when replication starts</source>
        <translation>复制线程将在复制启动时检查它</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the CA file %1 is not on %2&apos;s host (or not readable); %2&apos;s replica thread needs it to check %3&apos;s certificate</source>
        <translation>CA 文件 %1 不在 %2 的主机上（或不可读）；%2 的复制线程需要它来检查 %3 的证书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>copy the CA to %1 on %2&apos;s host, or give the path there in servers[].tls.ca</source>
        <translation>请将 CA 拷贝到 %2 的主机上的 %1，或在 servers[].tls.ca 中指定其在该主机上的路径</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1&apos;s host has no openssl tool: %2&apos;s certificate was not checked from there</source>
        <translation>%1 的主机上没有 openssl 工具：未从该主机检查 %2 的证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>install openssl on %1&apos;s host to have it checked before setup</source>
        <translation>请在 %1 的主机上安装 openssl，以便在搭建前检查证书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 offers no TLS to %2&apos;s host: replication in &quot;%3&quot; mode would be refused</source>
        <translation>%1 未向 %2 的主机提供 TLS：&quot;%3&quot; 模式的复制将被拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>turn TLS on in %1 or set &quot;tls&quot; to &quot;off&quot;</source>
        <translation>请在 %1 中开启 TLS，或将 &quot;tls&quot; 设为 &quot;off&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&apos;s certificate does not verify from %2&apos;s host against %3: %4</source>
        <translation>从 %2 的主机用 %3 验证 %1 的证书失败：%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give the CA that signed %1&apos;s certificate, and a certificate that names %2</source>
        <translation>请提供签发 %1 证书的 CA，以及包含名称 %2 的证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give the CA that signed %1&apos;s certificate</source>
        <translation>请提供签发 %1 证书的 CA</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 logs in to %2 with caching_sha2_password without TLS: it asks for %2&apos;s RSA public key (GET_SOURCE_PUBLIC_KEY = 1), which a machine in the middle could replace</source>
        <translation>%1 在没有 TLS 的情况下以 caching_sha2_password 登录 %2：它会请求 %2 的 RSA 公钥（GET_SOURCE_PUBLIC_KEY = 1），而中间人可以替换该公钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>turn TLS on (&quot;tls&quot;: &quot;verify-ca&quot;) so the password travels encrypted</source>
        <translation>请开启 TLS（&quot;tls&quot;: &quot;verify-ca&quot;），使密码加密传输</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (MariaDB %2) verifies its source&apos;s certificate by default; %3 %4: the link is set up with MASTER_SSL = 0 and MASTER_SSL_VERIFY_SERVER_CERT = 0 as the profile says &quot;off&quot;</source>
        <translation>%1（MariaDB %2）默认会验证其主库的证书；%3 %4：由于配对方案指定 &quot;off&quot;，复制链路以 MASTER_SSL = 0 和 MASTER_SSL_VERIFY_SERVER_CERT = 0 搭建</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has TLS on</source>
        <translation>已开启 TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>has no TLS (errno 2026 otherwise)</source>
        <translation>未开启 TLS（否则会报 errno 2026）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set &quot;tls&quot; to &quot;verify-ca&quot; to keep the check</source>
        <translation>请将 &quot;tls&quot; 设为 &quot;verify-ca&quot; 以保留该检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turn TLS on in %1, then set &quot;tls&quot; to &quot;verify-ca&quot;</source>
        <translation>请在 %1 中开启 TLS，然后将 &quot;tls&quot; 设为 &quot;verify-ca&quot;</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <location filename="../models/common/profilefields.cpp" line="+16"/>
        <source>unknown key &quot;%1&quot;</source>
        <translation>未知的键“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>missing &quot;%1&quot;</source>
        <translation>缺少“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must be a string</source>
        <translation>“%1”必须是字符串</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must not be empty</source>
        <translation>“%1”不能为空</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; must be a port number between 1 and 65535</source>
        <translation>“%1”必须是 1 到 65535 之间的端口号</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; must be a whole number</source>
        <translation>&quot;%1&quot; 必须是整数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>“%1”必须是 true 或 false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; must be an array of names</source>
        <translation>“%1”必须是名称数组</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; holds a value that is not a database name</source>
        <translation>“%1”包含的值不是数据库名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>database name &quot;%1&quot; in &quot;%2&quot; cannot be replicated by name filters (it holds &apos;#&apos;, &apos;,&apos;, a control character, a line or paragraph separator, or leading/trailing blanks)</source>
        <translation>“%2”中的数据库名“%1”无法通过名称过滤规则复制（它含有 &apos;#&apos;、&apos;,&apos;、控制字符、行分隔符或段落分隔符，或首尾有空白）</translation>
    </message>
</context>
<context>
    <name>ProfileRules</name>
    <message>
        <location filename="../models/common/profilerules.cpp" line="+52"/>
        <source>&quot;%1&quot; is not a valid name: use 1 to %2 of the letters a-z, A-Z, the digits 0-9 and _ - .</source>
        <translation>&quot;%1&quot; 不是有效的名称：请使用 1 到 %2 个字母 a-z、A-Z、数字 0-9 以及 _ - .</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the host must not be empty</source>
        <translation>主机不能为空</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not a host name (RFC 1123: letters, digits, &apos;-&apos; and dots, at most 253 characters), an IPv4 address or an IPv6 address without brackets</source>
        <translation>&quot;%1&quot; 不是主机名（RFC 1123：字母、数字、&apos;-&apos; 和点，最多 253 个字符）、IPv4 地址或不带方括号的 IPv6 地址</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is not an account host: use &quot;peer&quot;, a host name, an address or a pattern of letters, digits and . - _ % : /</source>
        <translation>&quot;%1&quot; 不是账号主机：请使用 &quot;peer&quot;、主机名、地址，或由字母、数字及 . - _ % : / 组成的模式</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not an account name: use 1 to 80 letters, digits and _ - . @</source>
        <translation>&quot;%1&quot; 不是账号名：请使用 1 到 80 个字母、数字及 _ - . @</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not an environment variable name: a letter or _, then letters, digits or _</source>
        <translation>&quot;%1&quot; 不是环境变量名：须以字母或 _ 开头，后接字母、数字或 _</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; holds a control character (such as a line break)</source>
        <translation>&quot;%1&quot; 含有控制字符（例如换行符）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not an absolute path (or &quot;auto&quot;): the option file must be named from /</source>
        <translation>&quot;%1&quot; 不是绝对路径（也不是 &quot;auto&quot;）：配置文件必须从 / 开始指定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; holds a &quot;%2&quot; component: name the option file by its own path</source>
        <translation>&quot;%1&quot; 包含 &quot;%2&quot; 路径成分：请用配置文件本身的路径指定它</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; names a folder, not an option file</source>
        <translation>&quot;%1&quot; 指向的是文件夹，而不是配置文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a keychain entry name: use 1 to %2 of the letters a-z, A-Z, the digits 0-9 and _ . @ : / - (like &quot;sql:root@db1:3306&quot;)</source>
        <translation>&quot;%1&quot; 不是钥匙串条目名：请使用 1 到 %2 个字母 a-z、A-Z、数字 0-9 以及 _ . @ : / -（例如 &quot;sql:root@db1:3306&quot;）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a restart timeout: give %2 to %3 seconds</source>
        <translation>%1 不是有效的重启超时：请给出 %2 到 %3 秒</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be a path on one line without ; quotes or backslashes</source>
        <translation>必须是单行路径，且不含 ;、引号或反斜杠</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>profile</source>
        <translation>配对方案</translation>
    </message>
</context>
<context>
    <name>Rebuild</name>
    <message>
        <location filename="../models/operation/rebuild.cpp" line="+74"/>
        <source>%1 is rebuilt from %2: %3.</source>
        <translation>%1 已从 %2 重建：%3。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>MySQL&apos;s CLONE INSTANCE runs on %2 and copies all of %1 into %2&apos;s data directory %3, in place: %2&apos;s old data (%4) is NOT kept, and a clone that fails or is cancelled leaves %2 in an unknown state, stopped or fenced, until it is rebuilt again. %2 restarts on the copy (with its own option file: its server_id stays).</source>
        <translation>MySQL 的 CLONE INSTANCE 在 %2 上运行，将 %1 的全部数据原地拷贝到 %2 的数据目录 %3：%2 的原有数据（%4）不会保留，克隆失败或被取消会使 %2 处于未知状态（已停止或处于隔离状态），直到再次重建。%2 用拷贝重启（使用其自己的配置文件：server_id 不变）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%7 streams all of %1 from its host to %2&apos;s, next to %3 (%4 free there); %2 is then stopped, %3 (%5) renamed %6 and kept, the copy moved in and %2 started with its own option file (its server_id and gtid_domain_id stay). On failure or cancel before the copy ends, %2 is put back on its old data folder and started.</source>
        <translation>%7 将 %1 的全部数据从其主机流式传到 %2 的主机，放在 %3 旁（该处剩余 %4）；然后停止 %2，将 %3（%5）改名为 %6 并保留，移入拷贝，用 %2 自己的配置文件启动它（server_id 和 gtid_domain_id 不变）。拷贝结束前失败或取消时，%2 回到其原有数据目录并启动。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 holds nothing in them: there is nothing to save.</source>
        <translation>%1 中没有任何数据：无需保存。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1&apos;s old data (%2, %n table(s)) is saved first in %3 on its host (%4 free there) and loaded back if the rebuild fails or is cancelled before the copy ends.</source>
        <translation>
            <numerusform>%1 的原有数据（%2，%n 张表）会先保存到其主机上的 %3（该处可用空间 %4），若重建失败或在拷贝结束前被取消，则会重新载入。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+9"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&apos;s old data (%2) is NOT saved: if the rebuild fails, %1 stays read-only, fenced and without it until it is rebuilt.</source>
        <translation>%1 的原有数据（%2）不会被保存：若重建失败，%1 将保持只读、处于隔离状态且没有这些数据，直到被重建。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replication stops both ways for the time of the copy (%1 from %2, physical copy); %2 keeps serving reads and writes, %3 stays read-only and is stopped only for the swap.</source>
        <translation>拷贝期间两个方向的复制都停止（从 %2 拷贝 %1，物理拷贝）；%2 继续提供读写，%3 保持只读，仅在切换数据目录时停止。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replication stops both ways for the time of the copy (%1 from %2, %3 copy); %2 keeps serving reads and writes, %4 stays read-only throughout.</source>
        <translation>拷贝期间两个方向的复制都会停止（%1 来自 %2，%3 拷贝）；%2 继续提供读写，%4 始终保持只读。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Then %1 replicates from %2 at the copy&apos;s exact point, %2 from %1 at %1&apos;s position after the copy; both directions and the data are verified.</source>
        <translation>然后 %1 从拷贝的确切位点开始从 %2 复制，%2 从 %1 拷贝后的位点开始从 %1 复制；两个方向和数据都会经过验证。</translation>
    </message>
    <message>
        <location filename="../models/operation/rebuildbeforecopy.cpp" line="+17"/>
        <source>mark %1 fenced while it is rebuilt (the pair&apos;s state file)</source>
        <translation>在重建期间将 %1 标记为处于隔离状态（双主配对的状态文件）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>being rebuilt from %1</source>
        <translation>正在从 %1 重建</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fenced: being rebuilt from %1</source>
        <translation>处于隔离状态：正在从 %1 重建</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the clone from %1 was cut short: its data is in an unknown state; rebuild it again</source>
        <translation>来自 %1 的克隆中途停止：其数据处于未知状态；请再次重建</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>still fenced: its data is in an unknown state after the clone</source>
        <translation>仍处于隔离状态：克隆后其数据处于未知状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>still fenced, as before</source>
        <translation>仍处于隔离状态，与之前相同</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mark cleared</source>
        <translation>标记已清除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>make %1 read-only</source>
        <translation>将 %1 设为只读</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>read_only = ON (was %1)</source>
        <translation>read_only = ON（原为 %1）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>read_only = %1 again</source>
        <translation>read_only 已恢复为 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stop %1&apos;s replication from %2 (%1 keeps taking reads and writes)</source>
        <translation>停止 %1 从 %2 的复制（%1 继续接受读写）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no replica settings: nothing to stop</source>
        <translation>没有从库设置：无需停止</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>replication stopped (it was %1)</source>
        <translation>复制已停止（原为%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>replication left stopped: its source&apos;s data is in an unknown state after the clone</source>
        <translation>复制保持停止：克隆后其主库的数据处于未知状态</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>replication started again</source>
        <translation>复制已重新启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replication left stopped, as it was</source>
        <translation>复制保持停止，与之前相同</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>give the replication account on %1 (for %2&apos;s IO thread) a new generated password</source>
        <translation>为 %1 上的复制账号（供 %2 的 IO 线程使用）生成新密码</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: new generated password (kept in memory)</source>
        <translation>%1：已生成新密码（保存在内存中）</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>remove %1&apos;s replica settings (their position, on failure, comes back)</source>
        <translation>删除 %1 的从库设置（失败时会恢复其位点）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no replica settings: nothing to remove</source>
        <translation>没有从库设置：无需删除</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>replica settings removed (it stood at %1:%2%3)</source>
        <translation>从库设置已删除（原位于 %1:%2%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, its SQL thread halted on error %1</source>
        <translation>，其 SQL 线程因错误 %1 停止</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>replicating from %1:%2 again from %3:%4, where it stood</source>
        <translation>从 %3:%4（原来所在位点）重新开始从 %1:%2 复制</translation>
    </message>
    <message>
        <location filename="../models/operation/rebuildaftercopy.cpp" line="+30"/>
        <source>copy all of %1 (%2, its whole data folder) to %3 with MySQL&apos;s CLONE (physical copy); %3&apos;s old data is replaced in place, not kept</source>
        <translation>用 MySQL 的 CLONE 将 %1 的全部数据（%2，整个数据目录）拷贝到 %3（物理拷贝）；%3 的原有数据被原地替换，不保留</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>copy all of %1 (%2, its whole data folder) to %3 with %4 (physical copy); %3&apos;s old data folder kept beside it</source>
        <translation>用 %4 将 %1 的全部数据（%2，整个数据目录）拷贝到 %3（物理拷贝）；%3 的原有数据目录保留在旁边</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>copy %1 (%2) from %3 to %4 online (%5 copy)</source>
        <translation>在线将 %1（%2）从 %3 拷贝到 %4（%5 拷贝）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1&apos;s old %2 removed without saving them (--no-save)</source>
        <translation>%1 的原有 %2 已删除且未保存（--no-save）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 cloned in %2 s; %3 restarted on it (its old data is not kept); the copy&apos;s point on %4: %5</source>
        <translation>%1 克隆完成，用时 %2 秒；%3 已用它重启（原有数据未保留）；拷贝在 %4 上的位点：%5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 streamed and prepared in %2 s, swapped in as %3&apos;s data folder (the old one is kept: %4); the copy&apos;s point on %5: %6</source>
        <translation>%1 已在 %2 秒内传输并准备完毕，换入为 %3 的数据目录（原目录保留：%4）；拷贝在 %5 上的位点：%6</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 copied (%n table(s)) in %2 s; the copy&apos;s point on %3: %4</source>
        <translation>
            <numerusform>已拷贝 %1（%n 张表），耗时 %2 秒；拷贝在 %3 上的位点：%4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>start %1 from %2 at the copy&apos;s exact point</source>
        <translation>在拷贝的确切位点启动 %1 从 %2 的复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start %1 from %2 at %2&apos;s position after the copy</source>
        <translation>在 %2 拷贝后的位点启动 %1 从 %2 的复制</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>replicating from %1 by GTID from %2</source>
        <translation>正在按 GTID 从 %2 起从 %1 复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replicating from %1 from %2:%3</source>
        <translation>正在从 %2:%3 起从 %1 复制</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>verify: both threads run on both servers, and a test row crosses each way</source>
        <translation>验证：两台服务器上的两个线程都在运行，且测试行能在两个方向上传递</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>both directions replicate</source>
        <translation>两个方向都在复制</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>compare the replicated tables of both servers at one exact point of a binary log</source>
        <translation>在某个 binlog 的确切位点比对两台服务器上的复制表</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the tables differ after the copy: %1</source>
        <translation>拷贝后表不一致：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — run compare when writes pause</source>
        <translation>%1 — 请在写入暂停时运行 compare</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>check %1: its own server_id, server_uuid and gtid_domain_id, a relay log from the copy&apos;s point</source>
        <translation>检查 %1：有自己的 server_id、server_uuid 和 gtid_domain_id，relay log 从拷贝的位点开始</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>clear %1&apos;s mark; %1 stays read-only (%2 takes the writes)</source>
        <translation>清除 %1 的标记；%1 保持只读（%2 接受写入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clear %1&apos;s mark; %1 takes writes again (both servers do)</source>
        <translation>清除 %1 的标记；%1 重新接受写入（两台服务器都接受写入）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is rebuilt: not fenced, read_only = %2</source>
        <translation>%1 已重建：未处于隔离状态，read_only = %2</translation>
    </message>
    <message>
        <location filename="../models/operation/rebuild.cpp" line="+19"/>
        <source>check that %1 can be rebuilt from %2</source>
        <translation>检查 %1 能否从 %2 重建</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>refused: nothing was changed</source>
        <translation>已拒绝：未做任何更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every check passed</source>
        <translation>所有检查均已通过</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the interrupted rebuild left %1 without replica settings (and perhaps a partial copy of its replicated databases): this rebuild sets them up anew and copies them again</source>
        <translation>被中断的重建使 %1 没有了从库设置（复制数据库中可能还有拷贝到一半的数据）：本次重建会重新设置并重新拷贝</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the journal %1 could not be written in full: %2</source>
        <translation>运行记录 %1 未能完整写入：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — put back: %2 has its old data and replica settings, %3 replicates as before</source>
        <translation>%1 — 已撤回：%2 恢复了原有数据和从库设置，%3 照旧复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — putting back failed: %2 may be left read-only and fenced; see the lines above, then run recover or rebuild again</source>
        <translation>%1 — 撤回失败：%2 可能仍为只读且处于隔离状态；请查看上面的各行，然后运行 recover 或再次重建</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 — %2 holds %3&apos;s data but the rebuild did not finish: it stays read-only and fenced; run rebuild again</source>
        <translation>%1 — %2 已有 %3 的数据，但重建未完成：它保持只读且处于隔离状态；请再次运行 rebuild</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the rebuild from %1 did not finish: rebuild again</source>
        <translation>从 %1 的重建未完成：请再次重建</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 rebuilt from %2 and verified in %3 s%4</source>
        <translation>%1 已从 %2 重建并通过验证，耗时 %3 秒%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; its old data is kept in %1 on its host</source>
        <translation>；其原有数据保存在其主机上的 %1 中</translation>
    </message>
</context>
<context>
    <name>RebuildCommand</name>
    <message>
        <location filename="../app/cli/rebuildcommand.cpp" line="+30"/>
        <source>What happens to %1:</source>
        <translation>%1 将发生的变化：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The checks:</source>
        <translation>检查项：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No step would run: the rebuild stops at its checks.</source>
        <translation>不会执行任何步骤：重建在检查阶段即停止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The steps, in order:</source>
        <translation>按顺序执行的步骤：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>rebuild needs --server with the name of the server to rebuild (%1 or %2)</source>
        <translation>rebuild 需要 --server 指定要重建的服务器名称（%1 或 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--from must name %1 or %2</source>
        <translation>--from 必须指定 %1 或 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--from must name the other server: %1 cannot be rebuilt from itself</source>
        <translation>--from 必须指定另一台服务器：%1 不能从自身重建</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--method must be logical, physical or auto</source>
        <translation>--method 必须是 logical、physical 或 auto</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>replipair-cli: %1 received: stopping the rebuild and putting %2 back…</source>
        <translation>replipair-cli：收到 %1：正在停止重建并撤回 %2…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nothing was changed: to rebuild %1 as said above, add --yes</source>
        <translation>未做任何更改：要按上述方式重建 %1，请加上 --yes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>interrupted by %1: %2</source>
        <translation>被 %1 中断：%2</translation>
    </message>
</context>
<context>
    <name>RebuildCopy</name>
    <message>
        <location filename="../models/operation/rebuildcopy.cpp" line="+48"/>
        <source>%1&apos;s whole data directory (every database and account) is replaced</source>
        <translation>%1 的整个数据目录（所有数据库和账号）将被替换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1&apos;s replicated databases (%2) are replaced; its other databases and its accounts stay</source>
        <translation>%1 的复制数据库（%2）将被替换；其他数据库和账号保持不变</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the physical copy was not checked first</source>
        <translation>物理拷贝事先未经检查</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 is read-only again, without replica settings</source>
        <translation>%1 重新只读，没有从库设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is read-only again, without replica settings; its binary log starts at the copy&apos;s GTID state %2</source>
        <translation>%1 重新只读，没有从库设置；其 binlog 从拷贝的 GTID 状态 %2 开始</translation>
    </message>
</context>
<context>
    <name>RebuildDialog</name>
    <message>
        <location filename="../ui/operation/rebuilddialog.cpp" line="+29"/>
        <source>Rebuild %1 from %2</source>
        <translation>从 %2 重建 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking that %1 can be rebuilt from %2…</source>
        <translation>正在检查 %1 能否从 %2 重建…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save %1&apos;s old data first (loaded back if the rebuild fails)</source>
        <translation>先保存 %1 的原有数据（重建失败时重新载入）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy:</source>
        <translation>拷贝方式：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Logical (the replicated databases)</source>
        <translation>逻辑拷贝（复制的数据库）(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A dump of the replicated databases loaded into %1: fits a few GB; %1&apos;s other databases and accounts stay</source>
        <translation>把复制的数据库导出后导入 %1：适合几 GB 的数据；%1 的其他数据库和账号保留</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Physical (the whole data folder)</source>
        <translation>物理拷贝（整个数据目录）(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mariadb-backup streamed from %1&apos;s host to %2&apos;s: copies at disk and network speed, for large data; %2&apos;s whole data folder (accounts included) is replaced, the old one kept beside it</source>
        <translation>mariadb-backup 从 %1 的主机以流的方式传到 %2 的主机：以磁盘和网络的速度拷贝，适合大量数据；%2 的整个数据目录（包括账号）被替换，原目录保留在旁边</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Auto</source>
        <translation>自动(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The physical copy above %1 of data when the tools are on both hosts, else the logical one</source>
        <translation>数据超过 %1 且两台主机都有工具时用物理拷贝，否则用逻辑拷贝</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What was found</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fix</source>
        <translation>修复方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Rebuild %1 from %2</source>
        <translation>从 %2 重建 %1(&amp;R)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Checks (nothing is changed until you rebuild):</source>
        <translation>检查项（在您重建之前不会做任何更改）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps, in order; a failure or a cancel before the copy ends puts %1 back:</source>
        <translation>按顺序执行的步骤；拷贝结束前失败或取消会撤回 %1：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cancelling: the rebuild stops and puts %1 back…</source>
        <translation>正在取消：重建将停止并撤回 %1…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every check passed: %1 can be rebuilt from %2. Read what happens to %1 below.</source>
        <translation>所有检查均已通过：%1 可以从 %2 重建。请阅读下方 %1 将发生的变化。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n check(s) refuse the rebuild: nothing was changed. Fix them and open this again.</source>
        <translation>
            <numerusform>%n 项检查拒绝了重建：未做任何更改。请修复后重新打开此窗口。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Rebuilding %1 from %2…</source>
        <translation>正在从 %2 重建 %1…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is rebuilt and verified.</source>
        <translation>%1 已重建并通过验证。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled. %1</source>
        <translation>已取消。%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not rebuilt: %1</source>
        <translation>未重建：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>RebuildGuards</name>
    <message>
        <location filename="../models/operation/rebuildguards.cpp" line="+89"/>
        <source>%1 does not answer: %2</source>
        <translation>%1 无响应：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start it, or fix the address or the login in the profile</source>
        <translation>请启动它，或修正配对方案中的地址或登录信息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has server_id %2, like %3: replication skips every event it takes for its own</source>
        <translation>%1 的 server_id 为 %2，与 %3 相同：复制会跳过它认为是自己产生的每个事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give %1 a server_id of its own in its option file (setup writes one) and restart it</source>
        <translation>请在 %1 的配置文件中为其设置独立的 server_id（搭建时会写入）并重启它</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has server_uuid %2, like %3 (an auto.cnf copied with the data): the source refuses a replica with its own uuid</source>
        <translation>%1 的 server_uuid 为 %2，与 %3 相同（随数据拷贝了 auto.cnf）：主库会拒绝与自己 uuid 相同的从库</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>remove auto.cnf from %1&apos;s data directory and restart %1: it makes a new server_uuid</source>
        <translation>请从 %1 的数据目录中删除 auto.cnf 并重启 %1：它会生成新的 server_uuid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has gtid_domain_id %2, like %3: the two writers&apos; GTIDs would collide</source>
        <translation>%1 的 gtid_domain_id 为 %2，与 %3 相同：两个写入端的 GTID 会冲突</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give %1 a gtid_domain_id of its own in its option file (setup writes one) and restart it</source>
        <translation>请在 %1 的配置文件中为其设置独立的 gtid_domain_id（搭建时会写入）并重启它</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and %2 have their own server_id%3</source>
        <translation>%1 和 %2 有各自的 server_id%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and uuid</source>
        <translation> 和 uuid</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 takes the application&apos;s writes: rebuilding it would replace what they wrote</source>
        <translation>%1 正在接受应用的写入：重建它会替换这些写入的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>move the writes to %1 first (switchover --to %1), then rebuild %2</source>
        <translation>请先将写入移动到 %1（switchover --to %1），然后重建 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is fenced: its data is the one left behind, not the one to copy</source>
        <translation>%1 处于隔离状态：它的数据是被落下的那份，不应作为拷贝来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebuild %1 from %2 instead</source>
        <translation>请改为从 %2 重建 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1&apos;s binary log is off: there is no point for %2 to replicate from after the copy</source>
        <translation>%1 的 binlog 已关闭：拷贝后 %2 没有可以开始复制的位点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turn the binary log on (setup does it), then rebuild</source>
        <translation>请开启 binlog（搭建时会开启），然后重建</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+54"/>
        <source>use the logical copy (--method logical)</source>
        <translation>请使用逻辑拷贝（--method logical）</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>could not check the copy: %1</source>
        <translation>无法检查拷贝：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not saved (--no-save): they are dropped before the copy; if the rebuild fails, %1 stays read-only and fenced without them until it is rebuilt</source>
        <translation>不保存（--no-save）：拷贝前删除；重建失败时 %1 保持只读并处于隔离状态，没有这些数据，直到重建完成</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>saving %1&apos;s old data (%2) needs about %3 in %4, where %5 is free</source>
        <translation>保存 %1 的原有数据（%2）需要 %4 中约 %3 的空间，而该处可用空间为 %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>free space there, or rebuild without saving %1&apos;s old data (--no-save): a failed rebuild then leaves %1 stopped and fenced until it is rebuilt</source>
        <translation>请释放该处空间，或不保存 %1 的原有数据进行重建（--no-save）：此时重建失败会使 %1 停止并处于隔离状态，直到被重建</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>room to save %1&apos;s old data: %2 free in %3</source>
        <translation>保存 %1 原有数据的空间：%3 中可用 %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>could not check the physical copy: %1</source>
        <translation>无法检查物理拷贝：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>method auto: the logical copy (the physical one could not be checked: %1)</source>
        <translation>方式 auto：使用逻辑拷贝（无法检查物理拷贝：%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the physical one cannot be made: %1</source>
        <translation>无法进行物理拷贝：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of data; the physical copy is taken above %2</source>
        <translation>数据量 %1；超过 %2 才使用物理拷贝</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>method auto: the physical copy (%1 of data)</source>
        <translation>方式 auto：使用物理拷贝（数据量 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>method auto: the logical copy (%1)</source>
        <translation>方式 auto：使用逻辑拷贝（%1）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>MySQL&apos;s CLONE on both servers (the clone plugin active, MySQL %1): %2&apos;s data directory is replaced in place, its old data (%3) is not kept</source>
        <translation>两台服务器均可使用 MySQL 的 CLONE（clone 插件已激活，MySQL %1）：%2 的数据目录被原地替换，其原有数据（%3）不保留</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 and %6 of %7 on both hosts; %2 free beside %3&apos;s data folder for the copy (about %4); its old data folder (%5) is renamed, kept beside it and put back on failure or cancel</source>
        <translation>两台主机上均有 %7 的 %1 和 %6；%3 数据目录旁剩余 %2，可容纳拷贝（约 %4）；其原有数据目录（%5）被改名并保留在旁边，失败或取消时恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1&apos;s replica reads %2:%3 from %4:%5, older than the copy&apos;s point in %6</source>
        <translation>%1 的从库从 %4:%5 读取 %2:%3，早于拷贝在 %6 中的位点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>rebuild %1 again</source>
        <translation>请再次重建 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 replicates from %2 from the copy&apos;s point on (%3:%4)</source>
        <translation>%1 从拷贝的位点（%3:%4）起从 %2 复制</translation>
    </message>
</context>
<context>
    <name>RecoverCommand</name>
    <message>
        <location filename="../app/cli/recovercommand.cpp" line="+55"/>
        <location line="+34"/>
        <source>nothing to recover: the last run in %1 left nothing to put back</source>
        <translation>无需恢复：%1 中的上次运行没有留下需要撤回的内容</translation>
    </message>
    <message numerus="yes">
        <location line="-30"/>
        <source>the %1 started at %2 left %n change(s); recover would, newest first:</source>
        <translation>
            <numerusform>%2 开始的 %1 留下了 %n 项更改；recover 将按从新到旧的顺序：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (it may not have been made)</source>
        <translation>（可能并未做出）</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n change(s) of the %1 could not be put back:
</source>
        <translation>
            <numerusform>%1 的 %n 项更改无法撤回：
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
put them back by hand as said, or run recover again</source>
        <translation>
请按上述说明手动撤回，或再次运行 recover</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>recovered: %n change(s) of the interrupted %1 put back; both servers are as before it</source>
        <translation>
            <numerusform>已恢复：被中断的 %1 的 %n 项更改已撤回；两台服务器已恢复到它运行之前的状态</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../models/operation/recovery.cpp" line="+55"/>
        <source>set read_only back to %1 on %2</source>
        <translation>将 %2 上的 read_only 恢复为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drop the account &apos;%1&apos;@&apos;%2&apos; on %3</source>
        <translation>删除 %3 上的账号 &apos;%1&apos;@&apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>remove the folder %1 on %2&apos;s host</source>
        <translation>删除 %2 主机上的文件夹 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stop the processes of the job in %1 on %2&apos;s host</source>
        <translation>停止 %2 主机上 %1 中作业的进程</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>remove the replica settings this run made on %1 (STOP and RESET the replica)</source>
        <translation>移除本次运行在 %1 上所做的从库设置（STOP 并 RESET 从库）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>remove the option file %1 it created on %2&apos;s host</source>
        <translation>删除它在 %2 主机上创建的配置文件 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>put back %1 on %2&apos;s host from %3</source>
        <translation>从 %3 恢复 %2 主机上的 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>check that %1 runs again after its restart</source>
        <translation>检查 %1 重启后是否再次运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>start replication on %1 again</source>
        <translation>在 %1 上重新启动复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set up %1&apos;s replication from %2 again</source>
        <translation>重新搭建 %1 从 %2 的复制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>drop the test table %1.%2 on %3</source>
        <translation>删除 %3 上的测试表 %1.%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>check the databases the interrupted copy was loading into %1</source>
        <translation>检查被中断的拷贝正在向 %1 加载的数据库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>put %1&apos;s old data folder %2 back in %3 (the copy&apos;s goes into %4) and start it</source>
        <translation>将 %1 的原数据目录 %2 放回 %3（拷贝的目录移到 %4）并启动它</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown change &quot;%1&quot; on %2</source>
        <translation>%2 上的未知更改 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the %1 started at %2 (process %3 on %4) is still running: stop it (Ctrl-C) and let it clean up, then run recover if it says so</source>
        <translation>%2 开始的 %1（%4 上的进程 %3）仍在运行：请将其停止（Ctrl-C）并让它完成清理，如它提示，再运行 recover</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1: the profile has no server called %2</source>
        <translation>%1：配对方案中没有名为 %2 的服务器</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>could not %1: %2</source>
        <translation>无法%1：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>run the rebuild again (it replaces them)</source>
        <translation>再次运行重建（它会替换这些数据）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run the setup with the copy again (it replaces them)</source>
        <translation>再次运行带拷贝的搭建（它会替换这些数据）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>read_only is %1 again</source>
        <translation>read_only 已恢复为 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the account existed before the run: kept</source>
        <translation>该账号在运行前已存在：保留</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>account &apos;%1&apos;@&apos;%2&apos; dropped</source>
        <translation>账号 &apos;%1&apos;@&apos;%2&apos; 已删除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the replica was configured before the run: kept</source>
        <translation>该从库在运行前已配置：保留</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>replica settings removed</source>
        <translation>从库设置已移除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>replication was stopped before the run: left stopped</source>
        <translation>运行前复制已停止：保持停止</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>replication started again</source>
        <translation>复制已重新启动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an interrupted rebuild removed %1&apos;s replica settings (from %2:%3 at %4:%5): run the rebuild again, it sets them up anew</source>
        <translation>中断的重建删除了 %1 的从库设置（从 %2:%3 的 %4:%5）：请再次运行重建，它会重新设置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>test table %1 dropped</source>
        <translation>测试表 %1 已删除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server does not answer (%1): start it with &quot;%2&quot; on its host and read its error log</source>
        <translation>服务器无响应（%1）：请在其主机上用 &quot;%2&quot; 启动它，并查看其错误日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server answers</source>
        <translation>服务器有响应</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the copy into %1 was interrupted: %2 may hold a partial copy: %3</source>
        <translation>拷贝到 %1 的过程被中断：%2 可能含有拷贝到一半的数据：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the copy into %1 was interrupted: %2 may hold a partial copy; %1&apos;s old data is saved in %3 on its host: load it back with the mariadb client, or %4</source>
        <translation>拷贝到 %1 的过程被中断：%2 可能含有拷贝到一半的数据；%1 的原有数据保存在其主机上的 %3 中：用 mariadb 客户端导回，或%4</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+23"/>
        <source>refusing to touch %1: not a folder RepliPair makes</source>
        <translation>拒绝操作 %1：这不是 RepliPair 创建的文件夹</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>no job was started in %1</source>
        <translation>%1 中没有启动过作业</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no process of the job in %1 is left</source>
        <translation>%1 中作业的进程已全部结束</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 removed</source>
        <translation>%1 已删除</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the data folder was never swapped</source>
        <translation>数据目录从未被替换</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the old data folder is back, but the server does not answer (%1): read its error log</source>
        <translation>原数据目录已放回，但服务器无响应（%1）：请查看其错误日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the old data folder is back and the server answers</source>
        <translation>原数据目录已放回，服务器已响应</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 was never written</source>
        <translation>%1 从未被写入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 removed; the server reads it no more from its next restart</source>
        <translation>%1 已删除；服务器从下次重启起不再读取它</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was never changed (no backup %2 was made)</source>
        <translation>%1 从未被更改（未创建备份 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 put back from %2 (kept); in force from the server&apos;s next restart</source>
        <translation>已从 %2 恢复 %1（备份保留）；从服务器下次重启起生效</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this version does not know how to put back &quot;%1&quot;</source>
        <translation>此版本不知道如何撤回 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>Rejoin</name>
    <message>
        <location filename="../models/operation/rejoin.cpp" line="+38"/>
        <source>replication does not run within %1 s: %2</source>
        <translation>复制在 %1 秒内未运行：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>keep %1 read-only: read_only = ON now and in its option file</source>
        <translation>保持 %1 只读：现在及其配置文件中均设置 read_only = ON</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>start %1&apos;s replication from %2 and wait until it has applied %2&apos;s binary log (at most %3 s)</source>
        <translation>启动 %1 从 %2 的复制，并等待其应用完 %2 的 binlog（最多 %3 秒）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>caught up with %1:%2</source>
        <translation>已追上 %1:%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>start %1&apos;s replication from %2 again</source>
        <translation>重新启动 %1 从 %2 的复制</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>replication started</source>
        <translation>复制已启动</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>replication stopped again</source>
        <translation>复制已重新停止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>check that both directions run (at most %1 s)</source>
        <translation>检查两个方向都在运行（最多 %1 秒）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>lift %1&apos;s fence</source>
        <translation>解除 %1 的隔离</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is no longer fenced; it stays read-only, the reader of the pair</source>
        <translation>%1 不再处于隔离状态；它保持只读，作为双主配对的只读端</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>check that %1 can rejoin %2 without a copy</source>
        <translation>检查 %1 能否在不拷贝的情况下重新加入 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>refused: nothing was changed</source>
        <translation>已拒绝：未做任何更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every check passed</source>
        <translation>所有检查均已通过</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cancelled before: %1</source>
        <translation>在此之前已取消：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2 stays fenced</source>
        <translation>%1 — %2 仍处于隔离状态</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 rejoined: both directions run, %2 is the writer</source>
        <translation>%1 已重新加入：两个方向都在运行，%2 是写入端</translation>
    </message>
</context>
<context>
    <name>RejoinCommand</name>
    <message>
        <location filename="../app/cli/rejoincommand.cpp" line="+13"/>
        <source>rejoin needs --server with the name of the fenced server (%1 or %2)</source>
        <translation>rejoin 需要 --server 指定处于隔离状态的服务器名称（%1 或 %2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--timeout needs a whole number of seconds from 1 to 3600</source>
        <translation>--timeout 需要 1 到 3600 之间的整数秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rejoin makes %1 the pair&apos;s reader again and lifts its fence; run it with --dry-run to see the checks and the steps, then add --yes</source>
        <translation>rejoin 会让 %1 重新成为双主配对的只读端并解除其隔离；请先用 --dry-run 运行以查看检查项和步骤，然后加上 --yes</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>replipair-cli: %1 received: stopping before the next step…</source>
        <translation>replipair-cli：收到 %1：在下一步之前停止…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>interrupted by %1: %2</source>
        <translation>被 %1 中断：%2</translation>
    </message>
</context>
<context>
    <name>RemoteJob</name>
    <message>
        <location filename="../models/host/remotejob.cpp" line="+70"/>
        <source>cannot make a private work folder on %1: %2</source>
        <translation>无法在 %1 上创建私有工作文件夹：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>refusing to remove %1</source>
        <translation>拒绝删除 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot remove %1 on %2: %3</source>
        <translation>无法删除 %2 上的 %1：%3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot create %1 on %2: %3</source>
        <translation>无法在 %2 上创建 %1：%3</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>cannot start a job on %1 (in a private folder of its own): %2</source>
        <translation>无法在 %1 上启动作业（在其专用文件夹中）：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cannot start %1 on %2: %3</source>
        <translation>无法在 %2 上启动 %1：%3</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>cannot read the state of the job in %1 on %2: %3</source>
        <translation>无法读取 %2 上 %1 中作业的状态：%3</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>the processes of the job in %1 on %2 did not stop, not even on SIGKILL%3</source>
        <translation>%2 上 %1 中作业的进程未能停止，即使发送 SIGKILL 也不行%3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot mark %1 on %2: %3</source>
        <translation>无法标记 %2 上的 %1：%3</translation>
    </message>
</context>
<context>
    <name>RepairCommand</name>
    <message>
        <location filename="../app/cli/repaircommand.cpp" line="+16"/>
        <source>repair needs --table DATABASE.TABLE</source>
        <translation>repair 需要 --table DATABASE.TABLE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>repair needs --from %1 or --from %2: the server whose rows are right</source>
        <translation>repair 需要 --from %1 或 --from %2：数据正确的服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--yes and --dry-run exclude each other</source>
        <translation>--yes 和 --dry-run 不能同时使用</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: not compared, nothing is known of its differences:</source>
        <translation>%1：未比对，不知道其有哪些不一致：</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1: %n range(s) differ, not all of their rows compared:</source>
        <translation>
            <numerusform>%1：%n 个范围不一致，其中的行未全部比对：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 range(s) differ, %3 row(s) (%4 is right, %5 is changed)</source>
        <translation>%1：%2 个范围不一致，%3 行（%4 是正确的，%5 将被更改）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  missing on %1: (%2)</source>
        <translation>  %1 上缺少：(%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  extra on %1: (%2)</source>
        <translation>  %1 上多出：(%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  (%1) %2: %3 %4, %5 %6</source>
        <translation>  (%1) %2：%3 %4，%5 %6</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>  not compared: %1</source>
        <translation>  未比对：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>-- on %1, with SET SESSION sql_log_bin = 0 and time_zone = &apos;+00:00&apos;:</source>
        <translation>-- 在 %1 上执行，使用 SET SESSION sql_log_bin = 0 和 time_zone = &apos;+00:00&apos;：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nothing changed: --yes applies the fix on %1, --dry-run shows its SQL</source>
        <translation>未做任何更改：--yes 在 %1 上应用修复，--dry-run 显示其 SQL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>repaired: %1 is now the same on both</source>
        <translation>已修复：%1 现在在两台服务器上一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repaired, but the table still differs: compare again</source>
        <translation>已修复，但该表仍不一致：请再次比对</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <location filename="../ui/monitor/repairdialog.cpp" line="+26"/>
        <source>&amp;Apply the Fix</source>
        <translation>应用修复(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repair %1</source>
        <translation>修复 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rows that are right:</source>
        <translation>数据正确的行：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Change %1&apos;s rows of %2 to %3&apos;s (not written to %1&apos;s binary log, so nothing flows back to %3)</source>
        <translation>将 %1 上 %2 的行改为与 %3 的一致（不写入 %1 的 binlog，因此不会复制回 %3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repairing %1 on %2…</source>
        <translation>正在修复 %2 上的 %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the rows of %1 that differ, at one point of %2&apos;s binary log…</source>
        <translation>正在按 %2 binlog 中的同一位点读取 %1 中不一致的行…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>missing on %1</source>
        <translation>%1 上缺少</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra on %1</source>
        <translation>%1 上多出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different</source>
        <translation>不同</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(row)</source>
        <translation>（行）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Repaired: %1 is now the same on both (%2 row(s) changed on %3).</source>
        <translation>已修复：%1 现在在两台服务器上一致（%3 上更改了 %2 行）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Repaired %1 row(s) on %2, but %3 still differs: compare again.</source>
        <translation>已在 %2 上修复 %1 行，但 %3 仍不一致：请再次比对。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No row of %1 differs now.</source>
        <translation>%1 现在没有不一致的行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 row(s) of %2 differ (%3 key range(s)).</source>
        <translation>%2 中有 %1 行不一致（%3 个键范围）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not compared: %1</source>
        <translation>未比对：%1</translation>
    </message>
</context>
<context>
    <name>ReplicaActions</name>
    <message>
        <location filename="../ui/monitor/replicaactions.cpp" line="+77"/>
        <source>Stop Replication on %1</source>
        <translation>停止 %1 上的复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop both replication threads on %1?

%1 then no longer applies what %2 writes: the servers drift apart until replication is started again, and %2&apos;s binary logs must be kept until then.</source>
        <translation>要停止 %1 上的两个复制线程吗？

之后 %1 不再应用 %2 写入的内容：在重新启动复制之前两台服务器的数据会逐渐不一致，且在此之前必须保留 %2 的 binlog。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Stop Replication</source>
        <translation>停止复制(&amp;S)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the restart command found on its host (systemd unit or init script)</source>
        <translation>在其主机上找到的重启命令（systemd 单元或 init 脚本）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Start Server %1</source>
        <translation>启动服务器 %1</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Start the database server %1 (%2)?

RepliPair runs %3 on %4, detached from this app, and waits until %1 answers as a new process and stays up; if it does not start, you see the lines of its error log that say why.</source>
        <translation>要启动数据库服务器 %1（%2）吗？

RepliPair 会在 %4 上运行 %3（与本应用分离），并等待 %1 作为新进程响应且保持运行；如果未能启动，您会看到其错误日志中说明原因的行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this computer</source>
        <translation>此计算机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start Server</source>
        <translation>启动服务器(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting server %1…</source>
        <translation>正在启动服务器 %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 did not start:
%2</source>
        <translation>%1 未能启动：
%2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Starting replication on %1…</source>
        <translation>正在 %1 上启动复制…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopping replication on %1…</source>
        <translation>正在 %1 上停止复制…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the event that stopped %1…</source>
        <translation>正在读取使 %1 停止的事件…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failing Event</source>
        <translation>出错的事件</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Reading the configuration RepliPair wrote on %1…</source>
        <translation>正在读取 RepliPair 在 %1 上写入的配置…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Configuration RepliPair Wrote on %1</source>
        <translation>RepliPair 在 %1 上写入的配置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The option files of %1 could not be read:
%2</source>
        <translation>无法读取 %1 的配置文件：
%2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Daily data check: comparing the replicated tables of %1 while the application writes…</source>
        <translation>每日数据检查：正在应用写入的同时比对 %1 的复制表…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Daily data check: the data could not be compared: %1</source>
        <translation>每日数据检查：无法比对数据：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Daily data check: the replicated data is the same on both: %1 table(s), %2 row(s) compared.</source>
        <translation>每日数据检查：两台服务器上的复制数据一致：已比对 %1 张表、%2 行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Daily data check: %1 key range(s) differ (%2); %3 could not be compared. Compare Data… shows them, Repair… mends them.</source>
        <translation>每日数据检查：%1 个键范围不一致（%2）；%3 无法比对。“比对数据…”可查看它们，“修复…”可修复它们。</translation>
    </message>
</context>
<context>
    <name>ReplicaControl</name>
    <message>
        <location filename="../models/actions/replicacontrol.cpp" line="+106"/>
        <source>replication stopped on %1</source>
        <translation>%1 上的复制已停止</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>replication started on %1: both threads run</source>
        <translation>%1 上的复制已启动：两个线程都在运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no replication is configured</source>
        <translation>未配置复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IO thread %1, SQL thread %2</source>
        <translation>IO 线程 %1，SQL 线程 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>replication on %1 did not start — the server took the command, but nothing changed: %2</source>
        <translation>%1 上的复制未启动 — 服务器接受了命令，但没有任何变化：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 answers already: nothing was started</source>
        <translation>%1 已在响应：未启动任何内容</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 started with its restart command (%2) and answers again</source>
        <translation>%1 已通过其重启命令（%2）启动并重新响应</translation>
    </message>
</context>
<context>
    <name>ReplicaRepair</name>
    <message>
        <location filename="../models/actions/replicarepair.cpp" line="+19"/>
        <source>this server is not a replica</source>
        <translation>此服务器不是从库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the SQL thread has no error: there is nothing to skip</source>
        <translation>SQL 线程没有错误：没有可跳过的内容</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the failing event is now %1, not the %2 you confirmed: look at it again first</source>
        <translation>出错的事件现在是 %1，而不是您确认的 %2：请先重新查看</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>with GTID auto-positioning MySQL skips a transaction only by committing an empty one with its GTID; do that by hand (SET GTID_NEXT=&apos;&lt;gtid&gt;&apos;; BEGIN; COMMIT; SET GTID_NEXT=&apos;AUTOMATIC&apos;)</source>
        <translation>在 GTID 自动定位模式下，MySQL 只能通过以其 GTID 提交一个空事务来跳过事务；请手动执行（SET GTID_NEXT=&apos;&lt;gtid&gt;&apos;; BEGIN; COMMIT; SET GTID_NEXT=&apos;AUTOMATIC&apos;）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>skipped the event group at %1 (error %2) and started replication again; the data it would have changed now differs between the servers: compare them</source>
        <translation>已跳过位于 %1 的事件组（错误 %2）并重新启动复制；它本应更改的数据现在在两台服务器之间不一致：请比较它们</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an event was skipped on %1 (%2)</source>
        <translation>已在 %1 上跳过一个事件（%2）</translation>
    </message>
</context>
<context>
    <name>ReplicaStatus</name>
    <message>
        <location filename="../models/sql/replicastatus.cpp" line="+75"/>
        <source>IO thread error %1: %2</source>
        <translation>IO 线程错误 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SQL thread error %1: %2</source>
        <translation>SQL 线程错误 %1：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a replica</source>
        <translation>不是从库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from %1:%2  IO %3  SQL %4  behind %5</source>
        <translation>主库 %1:%2  IO 线程 %3  SQL 线程 %4  延迟 %5</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+69"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+67"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preparing</source>
        <translation>正在准备</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+12"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>preparing</source>
        <translation>正在准备</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>encrypted, certificate verified</source>
        <translation>已加密，证书已验证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encrypted, certificate not checked</source>
        <translation>已加密，证书未检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clear text</source>
        <translation>明文</translation>
    </message>
</context>
<context>
    <name>ReplicationArrow</name>
    <message>
        <location filename="../ui/topology/replicationarrow.cpp" line="+98"/>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · lag %2</source>
        <translation>%1 · 延迟 %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not answer: %2</source>
        <translation>%1 无响应：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not replicate from %2 (no replica configured)</source>
        <translation>%1 未从 %2 复制（未配置复制）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IO thread: %1</source>
        <translation>IO 线程：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not yet executed: %1 bytes</source>
        <translation>尚未执行：%1 字节</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>SQL thread: %1</source>
        <translation>SQL 线程：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL thread state: %1</source>
        <translation>SQL 线程状态：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds behind: %1</source>
        <translation>延迟秒数：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heartbeat lag: %1</source>
        <translation>心跳延迟：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS: %1</source>
        <translation>TLS：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
</context>
<context>
    <name>ReplicationEvent</name>
    <message>
        <location filename="../models/monitor/replicationevent.cpp" line="+72"/>
        <source>%1 recovered</source>
        <comment>server</comment>
        <translation>%1 已恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answers again</source>
        <comment>server</comment>
        <translation>%1 重新响应</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 on %3</source>
        <comment>error title, the server&apos;s error number, server</comment>
        <translation>%3 上的%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 on %2</source>
        <comment>event title, server</comment>
        <translation>%2 上的%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server unreachable</source>
        <translation>服务器无法访问</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server reachable again</source>
        <translation>服务器恢复可访问</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IO thread stopped</source>
        <translation>IO 线程已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL thread stopped</source>
        <translation>SQL 线程已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IO thread error</source>
        <translation>IO 线程错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL thread error</source>
        <translation>SQL 线程错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replication lag high</source>
        <translation>复制延迟过高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replication not configured</source>
        <translation>未配置复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two writers</source>
        <translation>两个写入端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No writer</source>
        <translation>没有写入端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One writer again</source>
        <translation>恢复为一个写入端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data differs</source>
        <translation>数据不一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data not known to agree</source>
        <translation>数据未确认一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>ReplicationEventDetector</name>
    <message>
        <location filename="../models/monitor/replicationeventdetector.cpp" line="+12"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>preparing</source>
        <translation>正在准备</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (state: %2)</source>
        <translation>%1（状态：%2）</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 takes the writes again and %2 is read-only</source>
        <translation>%1 重新接收写入，%2 为只读</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only %1 takes writes now, but the profile names %2 the writer</source>
        <translation>现在只有 %1 接收写入，但配对方案中指定的写入端是 %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>server %1 does not answer: %2</source>
        <translation>服务器 %1 无响应：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>server %1 has no replication configured</source>
        <translation>服务器 %1 未配置复制</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+52"/>
        <source>server %1 answers again</source>
        <translation>服务器 %1 恢复响应</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the SQL thread of %1 is not running</source>
        <translation>%1 的 SQL 线程未在运行</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the IO thread of %1 is not running</source>
        <translation>%1 的 IO 线程未在运行</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../ui/screenshottour.cpp" line="+123"/>
        <source>%1 is %2 s behind its source (threshold %3 s)</source>
        <translation>%1 复制延迟 %2 秒（阈值 %3 秒）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>server %1 answers again and replicates</source>
        <translation>服务器 %1 恢复响应并正在复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replication on %1 is healthy again</source>
        <translation>%1 上的复制已恢复正常</translation>
    </message>
</context>
<context>
    <name>ReplicationSteps</name>
    <message>
        <location filename="../models/replication/replicationsteps.cpp" line="+102"/>
        <source>id %1 by %2 for %3 s: %4</source>
        <translation>id %1，由 %2 执行，已 %3 秒：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not taking the read lock while long statements run (every write would wait behind it): %1. Run setup again when they have finished.</source>
        <translation>有长时间运行的语句时不获取全局读锁（否则所有写入都要在其后等待）：%1。请在它们结束后再次运行搭建。</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>this server lacks GTIDs the source has executed (%1) and MySQL before 8.0 can mark them as applied only on a server without GTID history of its own; use &quot;gtid&quot;: &quot;off&quot;</source>
        <translation>此服务器缺少主库已执行的 GTID（%1），而 MySQL 8.0 之前的版本只能在自身没有 GTID 历史的服务器上将其标记为已应用；请使用 &quot;gtid&quot;: &quot;off&quot;</translation>
    </message>
</context>
<context>
    <name>RestartDetector</name>
    <message>
        <location filename="../models/host/restartdetector.cpp" line="+82"/>
        <source>several database units run (%1); say which one in &quot;restartCommand&quot;</source>
        <translation>有多个数据库单元在运行（%1）；请在“restartCommand”中指定是哪一个</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no mariadb, mysql or mysqld systemd unit is installed</source>
        <translation>未安装 mariadb、mysql 或 mysqld 的 systemd 单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only the templates %1 exist and no instance of them runs; say which instance in &quot;restartCommand&quot; (e.g. systemctl restart %2)</source>
        <translation>只存在模板 %1，且没有运行中的实例；请在“restartCommand”中指定实例（例如 systemctl restart %2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not root here (and &quot;sudo&quot; is off): &quot;%2&quot; will probably be refused</source>
        <translation>%1 在此不是 root（且“sudo”已关闭）：“%2”很可能会被拒绝</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot tell which process is this server (%1), so not how to restart it; say so in &quot;restartCommand&quot;</source>
        <translation>无法确定哪个进程是此服务器（%1），因此也无法确定如何重启它；请在“restartCommand”中说明</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the running server was not found (%1), so this is the host&apos;s usual server</source>
        <translation>未找到正在运行的服务器（%1），因此按该主机的默认服务器处理</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not run by a systemd service (started by hand or by a script); say how to restart it in &quot;restartCommand&quot;</source>
        <translation>%1 不是由 systemd 服务运行的（手动或由脚本启动）；请在“restartCommand”中说明如何重启它</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 runs inside the systemd unit %2, which does not start a database server; say how to restart it in &quot;restartCommand&quot;</source>
        <translation>%1 运行在 systemd 单元 %2 中，而该单元并不启动数据库服务器；请在“restartCommand”中说明如何重启它</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>systemd unit %1 runs the server (%2, seen in its cgroup)</source>
        <translation>systemd 单元 %1 运行着该服务器（%2，见于其 cgroup）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot tell how to restart the server on %1: %2</source>
        <translation>无法确定如何重启 %1 上的服务器：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>systemd unit %1 on %2</source>
        <translation>%2 上的 systemd 单元 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 was started with an option file of its own, so the host&apos;s init script would restart another server; say how to restart it in &quot;restartCommand&quot;</source>
        <translation>%1 是使用其自己的配置文件启动的，因此主机的 init 脚本会重启另一台服务器；请在“restartCommand”中说明如何重启它</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>init script %1 on %2 (no systemd there)</source>
        <translation>%2 上的 init 脚本 %1（那里没有 systemd）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no systemd unit and no init script (/etc/init.d/mariadb, mysql, mysqld) found on %1; say how to restart the server in &quot;restartCommand&quot;</source>
        <translation>在 %1 上未找到 systemd 单元或 init 脚本（/etc/init.d/mariadb、mysql、mysqld）；请在“restartCommand”中说明如何重启服务器</translation>
    </message>
</context>
<context>
    <name>RestartedServer</name>
    <message>
        <location filename="../models/host/restartedserver.cpp" line="+63"/>
        <source>another server answered on its port (%1; expected datadir %2, port %3, server_id %4)</source>
        <translation>另一台服务器在其端口上响应（%1；预期 datadir %2，端口 %3，server_id %4）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>a server answered and went away again %n time(s)</source>
        <translation>
            <numerusform>有服务器响应后又消失了，共 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../ui/wizard/resultpage.cpp" line="+26"/>
        <source>&amp;Open the pair in the main window</source>
        <translation>在主窗口中打开此服务器对(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose where to save the profile</source>
        <translation>选择配对方案的保存位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save Pair Profile</source>
        <translation>保存配对方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pair profiles (*.replipair.json)</source>
        <translation>配对方案 (*.replipair.json)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the profile &amp;as:</source>
        <translation>配对方案另存为(&amp;A)：</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The pair replicates in both directions.</source>
        <translation>这对服务器在两个方向上都在复制。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 and %2 are now masters of each other: a test row written on each side arrived on the other. The demo&apos;s pair opens in the main window and stays in Saved Pairs while the demo&apos;s servers run.</source>
        <translation>%1 和 %2 现在互为主库：在每一端写入的测试行都已到达另一端。演示用的服务器对会在主窗口中打开，并在演示服务器运行期间保留在“已保存的服务器对”中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and %2 are now masters of each other: a test row written on each side arrived on the other. Save the profile to watch the pair and to run the setup again later.</source>
        <translation>%1 和 %2 现在互为主库：在每一端写入的测试行都已到达另一端。保存配对方案，以便监控这对服务器并在以后再次运行搭建。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The setup did not finish.</source>
        <translation>搭建未完成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1

Both servers remain usable. Saving the profile lets you resume later: running the setup again continues where it stopped.</source>
        <translation>%1

两台服务器仍可正常使用。保存配对方案后可稍后继续：再次运行搭建会从中断处接着进行。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The profile could not be saved: %1</source>
        <translation>无法保存配对方案：%1</translation>
    </message>
</context>
<context>
    <name>RowRepair</name>
    <message>
        <location filename="../models/actions/rowrepair.cpp" line="+168"/>
        <source>%1 is not a replicated table of %2</source>
        <translation>%1 不是 %2 中被复制的表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no primary key and no unique key on NOT NULL columns: its rows cannot be told apart. Rebuild %2 from %3 instead (replipair-cli rebuild).</source>
        <translation>%1 没有主键，也没有建在 NOT NULL 列上的唯一键：无法区分其中的行。请改为从 %3 重建 %2（replipair-cli rebuild）。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the rows of %1 at %2 were not read in time</source>
        <translation>未能及时读取 %1 在 %2 的行</translation>
    </message>
</context>
<context>
    <name>RunningServer</name>
    <message>
        <location filename="../models/sql/runningserver.cpp" line="+64"/>
        <source>datadir %1, port %2, server_id %3, up %4 s</source>
        <translation>datadir %1，端口 %2，server_id %3，已运行 %4 秒</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <location filename="../models/sandbox/sandboxtools.cpp" line="+36"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 did not finish in time</source>
        <translation>%1 未能按时完成</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed (exit %2): %3</source>
        <translation>%1 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location filename="../models/sandbox/sandbox.cpp" line="+119"/>
        <source>cannot write %1/sandbox.json</source>
        <translation>无法写入 %1/sandbox.json</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no mariadbd or mysqld found; run scripts/install-deps.sh</source>
        <translation>未找到 mariadbd 或 mysqld；请运行 scripts/install-deps.sh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no mariadb-install-db found; run scripts/install-deps.sh</source>
        <translation>未找到 mariadb-install-db；请运行 scripts/install-deps.sh</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no free port on 127.0.0.1</source>
        <translation>127.0.0.1 上没有空闲端口</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+50"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>cannot write the start/stop scripts in %1</source>
        <translation>无法在 %1 中写入启动/停止脚本</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>server %1 is not running</source>
        <translation>服务器 %1 未在运行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot kill server %1</source>
        <translation>无法终止服务器 %1</translation>
    </message>
</context>
<context>
    <name>SandboxCertificates</name>
    <message>
        <location filename="../models/sandbox/sandboxcertificates.cpp" line="+18"/>
        <source>no openssl tool found; run scripts/install-deps.sh</source>
        <translation>未找到 openssl 工具；请运行 scripts/install-deps.sh</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>openssl %1 did not finish: %2</source>
        <translation>openssl %1 未完成：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>openssl %1 failed (exit %2): %3</source>
        <translation>openssl %1 失败（退出码 %2）：%3</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>SandboxCommand</name>
    <message>
        <location filename="../app/cli/sandboxcommand.cpp" line="+10"/>
        <source>sandbox needs an action (up, down, status) and a folder</source>
        <translation>sandbox 需要一个操作（up、down、status）和一个文件夹</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 holds no sandbox</source>
        <translation>%1 中没有沙箱</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>server %1: 127.0.0.1:%2, config %3</source>
        <translation>服务器 %1：127.0.0.1:%2，配置 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>profile: %1</source>
        <translation>配对方案：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS: on, profile in verify-ca mode, CA %1</source>
        <translation>TLS：已开启，配对方案为 verify-ca 模式，CA %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>server %1: 127.0.0.1:%2 %3</source>
        <translation>服务器 %1：127.0.0.1:%2 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown sandbox action &quot;%1&quot;</source>
        <translation>未知的 sandbox 操作“%1”</translation>
    </message>
</context>
<context>
    <name>ScreenshotTour</name>
    <message>
        <location filename="../ui/screenshottour.cpp" line="+117"/>
        <source>Both servers answer; MariaDB 10.11 on both sides</source>
        <translation>两台服务器均有响应；两端均为 MariaDB 10.11</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server_id differs (1 and 2)</source>
        <translation>server_id 不同（1 和 2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>binlog_format is MIXED while only some databases are replicated</source>
        <translation>binlog_format 为 MIXED，而只复制部分数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan sets binlog_format=ROW</source>
        <translation>计划将设置 binlog_format=ROW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log_bin is off</source>
        <translation>log_bin 已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The plan enables the binary log; B restarts once</source>
        <translation>计划将开启 binlog；B 会重启一次</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Create the replication account for B</source>
        <translation>为 B 创建复制账号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the account exists with REPLICATION SLAVE only</source>
        <translation>账号存在且仅有 REPLICATION SLAVE 权限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write /etc/mysql/mariadb.conf.d/60-replipair.cnf</source>
        <translation>写入 /etc/mysql/mariadb.conf.d/60-replipair.cnf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the effective values after the restart</source>
        <translation>重启后的生效值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restore the backup 60-replipair.cnf.replipair-bak</source>
        <translation>恢复备份 60-replipair.cnf.replipair-bak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replicate from A</source>
        <translation>从 A 复制</translation>
    </message>
</context>
<context>
    <name>ServerNode</name>
    <message>
        <location filename="../ui/topology/servernode.cpp" line="+51"/>
        <source>WRITER</source>
        <translation>写入端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>READER</source>
        <translation>只读端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 !</source>
        <comment>role badge of a pair with two writers or none</comment>
        <translation>%1 !</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server %1 (%2)</source>
        <translation>服务器 %1（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writer: takes the application&apos;s writes</source>
        <translation>写入端：接收应用的写入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader: read-only, replication applies here</source>
        <translation>只读端：只读，复制在此应用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fenced (stale) since %1: %2</source>
        <translation>自 %1 起处于隔离状态（数据过时）：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Way back: rejoin it (replipair-cli rejoin PROFILE --server %1) when it holds no transaction %2 lacks — the rejoin checks that first — else rebuild it from %2</source>
        <translation>恢复方法：当它不含 %2 缺少的事务时让其重新加入（replipair-cli rejoin PROFILE --server %1）— 重新加入会先检查这一点 — 否则从 %2 重建它</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Holds no transaction of its own that %1 lacks (GTID)</source>
        <translation>没有 %1 缺少的自身事务（GTID）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds transactions of its own that %1 lacks (GTID): %2</source>
        <translation>持有 %1 缺少的自身事务（GTID）：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Errant transactions: holds transactions that started on %1 and that %1 lacks (GTID): %2 — compare the data, then apply them on %1 or rebuild %3 from %1</source>
        <translation>多余事务：持有源自 %1、而 %1 没有的事务（GTID）：%2——请比对数据，然后在 %1 上补上这些事务，或从 %1 重建 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not inspected yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreachable: %1</source>
        <translation>无法访问：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version: %1</source>
        <translation>版本：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server_id: %1</source>
        <translation>server_id：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+96"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+96"/>
        <source>read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Host name: %1</source>
        <translation>主机名：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary log: %1</source>
        <translation>binlog：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on (%1)</source>
        <translation>开启（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GTID position: %1</source>
        <translation>GTID 位点：%1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>not inspected</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>online, stale</source>
        <translation>在线，数据过时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>unreachable</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>FENCED</source>
        <comment>role badge of a server left behind by a forced failover</comment>
        <translation>已隔离</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>version unknown</source>
        <translation>版本未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server-id %1</source>
        <translation>server-id %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>server-id unknown</source>
        <translation>server-id 未知</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../ui/wizard/serverpage.cpp" line="+27"/>
        <source>First server</source>
        <translation>第一台服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Second server</source>
        <translation>第二台服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How RepliPair reaches this server&apos;s SQL port, and its host for the configuration file.</source>
        <translation>RepliPair 如何访问此服务器的 SQL 端口，以及如何访问其主机以修改配置文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. A</source>
        <translation>例如 A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>host name or IP address</source>
        <translation>主机名或 IP 地址</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>optional: name of an environment variable</source>
        <translation>可选：环境变量的名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default: the host above</source>
        <translation>默认：上面的主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address the other server uses to reach this one, when it differs (NAT, a second network).</source>
        <translation>另一台服务器访问本服务器时使用的地址（如果不同，例如 NAT 或第二个网络）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database server</source>
        <translation>数据库服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Admin user:</source>
        <translation>管理员用户(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>…or from &amp;variable:</source>
        <translation>…或来自环境变量(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address seen by the p&amp;eer:</source>
        <translation>对端看到的地址(&amp;E)：</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>kept in memory only, unless remembered below</source>
        <translation>仅保存在内存中，除非在下方选择记住</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;member the passwords typed here in the system keychain</source>
        <translation>在系统钥匙串中记住此处输入的密码(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile then names the keychain entry, never the password; reopening the pair does not ask again.</source>
        <translation>这样配对方案中只记录钥匙串条目的名称，绝不记录密码；重新打开该服务器对时不会再次询问。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Same admin account and SSH access as the first server</source>
        <translation>与第一台服务器使用相同的管理员账号和 SSH 访问方式</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Configuration file and restart</source>
        <translation>配置文件与重启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. /etc/mysql/my.cnf</source>
        <translation>例如 /etc/mysql/my.cnf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;tect</source>
        <translation>自动检测(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. systemctl restart mariadb</source>
        <translation>例如 systemctl restart mariadb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dete&amp;ct</source>
        <translation>自动检测(&amp;C)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Config &amp;file:</source>
        <translation>配置文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restart command:</source>
        <translation>重启命令(&amp;R)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test &amp;Connection</source>
        <translation>测试连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>from the file %1</source>
        <translation>来自文件 %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Give the server a short name.</source>
        <translation>请为服务器取一个简短的名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name may hold letters, digits, &apos;-&apos; and &apos;_&apos; only (at most 32).</source>
        <translation>名称只能包含字母、数字、&apos;-&apos; 和 &apos;_&apos;（最多 32 个）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both servers are called %1; give this one another name.</source>
        <translation>两台服务器都叫 %1；请为这一台另取一个名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the server&apos;s host name or IP address.</source>
        <translation>请输入服务器的主机名或 IP 地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a valid host name or address.</source>
        <translation>“%1”不是有效的主机名或地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a valid peer address.</source>
        <translation>“%1”不是有效的对端地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The configuration file needs an absolute path, or tick Detect.</source>
        <translation>配置文件需要绝对路径，或勾选“自动检测”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the restart command, or tick Detect.</source>
        <translation>请输入重启命令，或勾选“自动检测”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No restart command was found: untick Detect and enter the command that restarts this server.</source>
        <translation>未找到重启命令：请取消勾选“检测”，并输入重启此服务器的命令。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>SQL: connected — %1</source>
        <translation>SQL：已连接 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQL: failed — %1</source>
        <translation>SQL：失败 — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH: connected — %1</source>
        <translation>SSH：已连接 — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH: failed — %1</source>
        <translation>SSH：失败 — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Config file: not found — %1. Untick Detect and enter the file in “Config file”.</source>
        <translation>配置文件：未找到 — %1。请取消勾选“自动检测”，并在“配置文件”中填写该文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Config file: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart: not found — %1. Untick Detect and enter the command in “Restart command”.</source>
        <translation>重启：未找到 — %1。请取消勾选“自动检测”，并在“重启命令”中填写该命令。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart: %1</source>
        <translation>重启：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Trusting the host key and testing again…</source>
        <translation>正在信任主机密钥并重新测试…</translation>
    </message>
</context>
<context>
    <name>ServerProcess</name>
    <message>
        <location filename="../models/host/serverprocess.cpp" line="+136"/>
        <source>pid %1 (%2%3)</source>
        <translation>pid %1（%2%3）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no process %1 on %2</source>
        <translation>%2 上没有进程 %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>the pid file %1 holds no pid</source>
        <translation>pid 文件 %1 中没有 pid</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>no mysqld or mariadbd process runs on %1%2</source>
        <translation>%1%2 上没有运行 mysqld 或 mariadbd 进程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 mysqld/mariadbd processes run on %2 and none can be told apart as the one on port %3%4</source>
        <translation>%2 上运行着 %1 个 mysqld/mariadbd 进程，无法分辨哪一个使用端口 %3%4</translation>
    </message>
</context>
<context>
    <name>ServerRestart</name>
    <message>
        <location filename="../models/host/serverrestart.cpp" line="+189"/>
        <source>could not launch &quot;%1&quot;: %2. Check whether the server runs before trying again.</source>
        <translation>无法启动“%1”：%2。重试之前请先检查服务器是否在运行。</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>; the SSH connection was lost: %1</source>
        <translation>；SSH 连接已断开：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; did not finish within %2 s and was stopped with all it had started (its output: %3/output)%4</source>
        <translation>&quot;%1&quot; 未在 %2 秒内完成，已连同它启动的所有进程一起被停止（其输出：%3/output）%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; did not finish within %2 s and may still run on the host: %3 (its output: %4/output)%5</source>
        <translation>&quot;%1&quot; 未在 %2 秒内完成，可能仍在主机上运行：%3（其输出：%4/output）%5</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the server came back, but not with the configuration just written: %1. Another option file may override ours.</source>
        <translation>服务器已恢复，但未使用刚写入的配置：%1。可能有另一个配置文件覆盖了 RepliPair 的设置。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; returned, but the server has been up for %2 s: it did not restart</source>
        <translation>&quot;%1&quot; 已返回，但服务器已运行了 %2 秒：它并未重启</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the server did not come back within %1 s%2</source>
        <translation>服务器未在 %1 秒内恢复%2</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>lost the connection to the host while the restart runs (it goes on by itself): %1; reconnecting</source>
        <translation>重启进行期间与主机的连接断开（重启会自行继续）：%1；正在重新连接</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the server is back and has stayed up while the host cannot be reached over SSH (%1); not waiting for &quot;%2&quot; (its output: %3/output)</source>
        <translation>服务器已恢复并保持运行，但主机无法通过 SSH 连接（%1）；不再等待 &quot;%2&quot;（其输出：%3/output）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the server is back and has stayed up while &quot;%1&quot; still runs; not waiting for it</source>
        <translation>服务器已恢复并保持运行，而 &quot;%1&quot; 仍在运行；不再等待它</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 after %2 s%3. The server says:
%4
(full output: %5/output on the host)</source>
        <translation>%1，用时 %2 秒%3。服务器提示：
%4
（完整输出：主机上的 %5/output）</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>reconnected; the restart ran on meanwhile</source>
        <translation>已重新连接；重启在此期间继续进行</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>still restarting after %1 s%2</source>
        <translation>%1 秒后仍在重启%2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&quot;%1&quot; exited with %2</source>
        <translation>&quot;%1&quot; 退出，返回 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; was killed before it finished</source>
        <translation>&quot;%1&quot; 在完成前被终止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server aborted its start while &quot;%1&quot; still ran</source>
        <translation>&quot;%1&quot; 仍在运行时，服务器中止了启动</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; succeeded, but %2. The server says:
%3</source>
        <translation>&quot;%1&quot; 执行成功，但 %2。服务器输出：
%3</translation>
    </message>
</context>
<context>
    <name>SetupCommand</name>
    <message>
        <location filename="../app/cli/setupcommand.cpp" line="+38"/>
        <source>cannot read the plan %1: %2</source>
        <translation>无法读取方案 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a plan written by &apos;replipair-cli plan PROFILE --output FILE&apos;</source>
        <translation>%1 不是由 &apos;replipair-cli plan PROFILE --output FILE&apos; 写出的方案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is the plan of pair &quot;%2&quot;, not of &quot;%3&quot;</source>
        <translation>%1 是配对 &quot;%2&quot; 的方案，不是 &quot;%3&quot; 的</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>setup changes both servers; run &apos;replipair-cli plan&apos; to see how, then add --yes</source>
        <translation>setup 会更改两台服务器；请先运行 &apos;replipair-cli plan&apos; 查看具体内容，然后加上 --yes</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>replipair-cli: %1 received: stopping at the next safe point and putting back what this run changed (a restart under way is finished first)…</source>
        <translation>replipair-cli：收到 %1：将在下一个安全点停止，并撤回本次运行所做的更改（正在进行的重启会先完成）…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>replipair-cli: still putting things back; please wait. (Killing it now leaves changes for &apos;replipair-cli recover&apos;.)</source>
        <translation>replipair-cli：仍在撤回更改；请稍候。（现在强行终止会留下需要 &apos;replipair-cli recover&apos; 处理的更改。）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>journal: %1</source>
        <translation>运行记录：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>interrupted by %1: %2</source>
        <translation>被 %1 中断：%2</translation>
    </message>
</context>
<context>
    <name>SetupEvent</name>
    <message>
        <location filename="../models/setup/setupevent.cpp" line="+61"/>
        <source> (%1 ms)</source>
        <translation>（%1 毫秒）</translation>
    </message>
</context>
<context>
    <name>SetupPlan</name>
    <message>
        <location filename="../models/setup/setupplan.cpp" line="+36"/>
        <source>Pre-flight checks:
</source>
        <translation>预检：
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  all checks passed
</source>
        <translation>  所有检查均已通过
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>
Both directions already replicate as the profile says: nothing to change.
</source>
        <translation>
两个方向都已按配对方案复制：无需任何更改。
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
Plan:
</source>
        <translation>
计划：
</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>     check: %1
</source>
        <translation>     检查：%1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>     undo: %1
</source>
        <translation>     撤销：%1
</translation>
    </message>
</context>
<context>
    <name>SetupRun</name>
    <message>
        <location filename="../models/setup/setuprun.cpp" line="+59"/>
        <source>cancelled between two steps; nothing is half-done</source>
        <translation>已在两个步骤之间取消；没有执行到一半的操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled by the user</source>
        <translation>已被用户取消</translation>
    </message>
    <message>
        <location line="+97"/>
        <location line="+7"/>
        <source>pre-flight found errors</source>
        <translation>预检发现错误</translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <source>%n problem(s) must be solved first; nothing was changed:
</source>
        <translation>
            <numerusform>必须先解决 %n 个问题；未做任何更改：
</numerusform>
        </translation>
    </message>
    <message>
        <location line="-11"/>
        <source>could not append to the journal %1</source>
        <translation>无法追加到运行记录 %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>both directions already replicate and every setting is in place: nothing changed</source>
        <translation>两个方向都已在复制，且所有设置均已到位：未做任何更改</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>settings in place; no restart (%1 in force from the next restart)</source>
        <translation>设置已到位；不重启（%1 从下次重启起生效）</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/setup/setuprunplan.cpp" line="+89"/>
        <source>reads %n option file(s) from %1; ours: %2</source>
        <translation>
            <numerusform>从 %1 读取 %n 个配置文件；RepliPair 的：%2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/setup/setuprun.cpp" line="-82"/>
        <source>what this run changed and did not put back is in the journal %1: run setup again to go on from there, or &apos;replipair-cli recover&apos; to put it back</source>
        <translation>本次运行所做且未撤回的更改记录在运行记录 %1 中：再次运行搭建可从那里继续，或运行 &apos;replipair-cli recover&apos; 将其撤回</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the journal %1 could not be written in full: %2</source>
        <translation>运行记录 %1 未能完整写入：%2</translation>
    </message>
    <message>
        <location filename="../models/setup/setuprunplan.cpp" line="-62"/>
        <source>the servers are as they were when the approved plan was made: it is run as shown</source>
        <translation>服务器与生成已批准方案时相同：按所示内容运行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the servers changed since the plan was approved, so it is not run; nothing was changed:
%1
Make the plan again, check it, and run that one.</source>
        <translation>批准方案后服务器已发生变化，因此不运行该方案；未做任何更改：
%1
请重新生成方案，检查后运行新方案。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>option file %1: %2</source>
        <translation>配置文件 %1：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>restart with %1: %2</source>
        <translation>使用 %1 重启：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>both servers would take their settings from %1, which both read: give each server an option file of its own (&quot;configFile&quot;) — nothing was changed</source>
        <translation>两台服务器都会从它们共同读取的 %1 获取设置：请为每台服务器指定各自的配置文件（&quot;configFile&quot;）——未做任何更改</translation>
    </message>
    <message>
        <location filename="../models/setup/setuprun.cpp" line="+79"/>
        <source>settings in place; server restarted</source>
        <translation>设置已到位；服务器已重启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>settings in place; no restart needed</source>
        <translation>设置已到位；无需重启</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>files writable, restart command found</source>
        <translation>文件可写，已找到重启命令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>files writable</source>
        <translation>文件可写</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>every setting already in place on both servers: no change, no restart</source>
        <translation>两台服务器上的所有设置均已到位：无需更改，无需重启</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>could not set read_only = %1: %2</source>
        <translation>无法设置 read_only = %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 takes the application&apos;s writes (read_only = OFF)</source>
        <translation>%1 接收应用的写入（read_only = OFF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is read-only (read_only = ON): replication still applies there, the application writes to %2</source>
        <translation>%1 为只读（read_only = ON）：复制仍在其上应用，应用的写入发往 %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>replication runs in both directions (both threads running on each side, a test row arrived each way), but %1. Compare it when writes pause: replipair-cli compare</source>
        <translation>两个方向的复制均在运行（每一侧的两个线程都在运行，测试行在两个方向上都已到达），但%1。请在写入暂停时比较数据：replipair-cli compare</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>master-master replication verified in both directions; no table in the replicated databases yet, so no data to compare</source>
        <translation>双主复制已在两个方向上验证；复制的数据库中还没有表，因此没有可比较的数据</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>master-master replication verified in both directions, and the replicated data is the same on both (%n table(s) compared)</source>
        <translation>
            <numerusform>双主复制已在两个方向上验证，且两台服务器上复制的数据一致（比较了 %n 张表）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/setup/setuprunreplication.cpp" line="+37"/>
        <source>%1 may replicate from here with REPLICATION SLAVE only; new generated password (kept in memory)</source>
        <translation>%1 只能以 REPLICATION SLAVE 权限从这里复制；新生成的密码（仅保存在内存中）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; REQUIRE X509: only over TLS with a certificate from the CA</source>
        <translation>；REQUIRE X509：仅限使用该 CA 签发证书的 TLS 连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; REQUIRE SSL: never over clear text</source>
        <translation>；REQUIRE SSL：禁止明文连接</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1:%2%3 (read lock held %4 ms, released)</source>
        <translation>%1:%2%3（全局读锁持有 %4 毫秒，已释放）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>, GTID %1</source>
        <translation>，GTID %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>replicates from %1 starting at %2:%3%4: %5</source>
        <translation>从 %1 复制，起始位点 %2:%3%4：%5</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the start point the plan named for %1 could not be read: reading it under a short read lock instead</source>
        <translation>无法读取计划中为 %1 指定的起始位点：改为在短暂的全局读锁下读取</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>replication from %1 restarted with new credentials, at its own position</source>
        <translation>从 %1 的复制已使用新凭据、从其原有位点重新启动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>replicating from %1 (%2:%3) by GTID from %4</source>
        <translation>正在从 %1（%2:%3）复制，使用 GTID，起点为 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the start (its GTID position is empty)</source>
        <translation>最开始（其 GTID 位点为空）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replicating from %1 (%2:%3) from %4:%5</source>
        <translation>正在从 %1（%2:%3）复制，起点为 %4:%5</translation>
    </message>
    <message>
        <location filename="../models/setup/setuprun.cpp" line="+16"/>
        <source>could not create the heartbeat table for monitoring: %1</source>
        <translation>无法创建用于监控的心跳表：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>heartbeat table %1.%2 created for monitoring</source>
        <translation>已创建用于监控的心跳表 %1.%2</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../ui/wizard/setupwizard.cpp" line="+22"/>
        <source>Set Up Master-Master Replication</source>
        <translation>搭建双主复制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run Setup</source>
        <translation>开始搭建(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Cancel Setup</source>
        <translation>取消搭建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setup is running. Cancel it at the next safe point? Nothing is left half done: a held lock is released, a changed configuration file keeps its backup, and running the setup again resumes where it stopped.</source>
        <translation>搭建正在进行。要在下一个安全点取消吗？不会留下执行到一半的操作：持有的锁会被释放，已更改的配置文件保留备份，再次运行搭建会从中断处继续。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel the Setup</source>
        <translation>取消搭建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep Running</source>
        <translation>继续运行</translation>
    </message>
</context>
<context>
    <name>SkipCommand</name>
    <message>
        <location filename="../app/cli/skipcommand.cpp" line="+21"/>
        <source>skip needs --server with the name of one of the two servers</source>
        <translation>skip 需要 --server，并给出两台服务器之一的名称</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The SQL thread stopped on error %1: %2
The event group it could not apply:
  %3
Skipping it leaves the servers different. To skip exactly this event: --confirm %4</source>
        <translation>SQL 线程因错误 %1 停止：%2
它无法应用的事件组：
  %3
跳过它会使两台服务器的数据不同。若只跳过这一个事件：--confirm %4</translation>
    </message>
</context>
<context>
    <name>SkipEventDialog</name>
    <message>
        <location filename="../ui/monitor/skipeventdialog.cpp" line="+15"/>
        <source>The Event That Stopped %1</source>
        <translation>使 %1 停止的事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The SQL thread of %1 stopped on error %2:
%3</source>
        <translation>%1 的 SQL 线程因错误 %2 停止：
%3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The event group from the relay log</source>
        <translation>relay log（中继日志）中的事件组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The safe way is to repair the data so that this event applies, then start replication again. Skipping it means its change will be missing on %1, and the two servers differ until you compare and repair them.</source>
        <translation>安全的做法是修复数据使该事件能够应用，然后重新启动复制。跳过它意味着 %1 上将缺少它的更改，在您比较并修复之前，两台服务器的数据将不一致。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I understand; skip exactly this event (%1) and nothing else</source>
        <translation>我明白；只跳过这一个事件（%1），不跳过其他任何内容</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Skip This Event</source>
        <translation>跳过此事件(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Do Not Skip</source>
        <translation>不跳过(&amp;D)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The event group it could not apply:</source>
        <translation>它无法应用的事件组：</translation>
    </message>
</context>
<context>
    <name>SnapshotChecksum</name>
    <message>
        <location filename="../models/setup/snapshotchecksum.cpp" line="+17"/>
        <source>the binary log is off: %1 returned nothing</source>
        <translation>binlog 已关闭：%1 没有返回任何内容</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>the binary log is off: no snapshot position (%1)</source>
        <translation>binlog 已关闭：没有快照位点（%1）</translation>
    </message>
</context>
<context>
    <name>SqlSession</name>
    <message>
        <location filename="../models/sql/sqlsession.cpp" line="+52"/>
        <source>the Qt MySQL driver (QMYSQL) is not installed; run scripts/install-deps.sh</source>
        <translation>未安装 Qt MySQL 驱动（QMYSQL）；请运行 scripts/install-deps.sh</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the server refused the admin account %1: %2</source>
        <translation>服务器拒绝了管理员账号 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the TLS connection to %1:%2 failed (mode %3, CA %4): %5</source>
        <translation>到 %1:%2 的 TLS 连接失败（模式 %3，CA %4）：%5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot reach %1:%2: %3</source>
        <translation>无法访问 %1:%2：%3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1:%2 answered in clear text although &quot;tls&quot; is &quot;%3&quot;: the server has TLS off (have_ssl is not YES) or something on the way removed it; RepliPair does not fall back to clear text</source>
        <translation>尽管 &quot;tls&quot; 为 &quot;%3&quot;，%1:%2 仍以明文响应：服务器的 TLS 已关闭（have_ssl 不是 YES），或传输途中被去掉了；RepliPair 不会退回到明文</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+38"/>
        <source>not connected (while running: %1)</source>
        <translation>未连接（运行时：%1）</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>near (the statement is not shown: it holds a secret)</source>
        <translation>附近（语句未显示：其中包含机密信息）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+33"/>
        <source>%1 — while running: %2</source>
        <translation>%1 — 运行时：%2</translation>
    </message>
</context>
<context>
    <name>SshAccessBox</name>
    <message>
        <location filename="../ui/wizard/sshaccessbox.cpp" line="+19"/>
        <source>Reach the host over &amp;SSH (leave off for a server on this machine)</source>
        <translation>通过 &amp;SSH 访问主机（本机上的服务器请勿勾选）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reach the host over &amp;SSH (needed on this system, also for a server on this machine)</source>
        <translation>通过 SSH 访问主机(&amp;S)（在此系统上必需，本机上的服务器也一样）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>default: the host above</source>
        <translation>默认：上面的主机</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ssh-agent</source>
        <translation>ssh-agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The keys of the running ssh-agent (SSH_AUTH_SOCK)</source>
        <translation>正在运行的 ssh-agent 中的密钥（SSH_AUTH_SOCK）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default: ~/.ssh/id_ed25519, id_ecdsa or id_rsa</source>
        <translation>默认：~/.ssh/id_ed25519、id_ecdsa 或 id_rsa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose key file</source>
        <translation>选择密钥文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SSH Private Key</source>
        <translation>SSH 私钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kept in memory only, unless remembered below</source>
        <translation>仅保存在内存中，除非在下方选择记住</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…or the variable that holds it</source>
        <translation>…或保存密码的环境变量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use s&amp;udo for files and restarts</source>
        <translation>对文件和重启使用 s&amp;udo</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SSH hos&amp;t:</source>
        <translation>SSH 主机(&amp;T)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH &amp;user:</source>
        <translation>SSH 用户(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Authentication:</source>
        <translation>认证方式(&amp;A)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Key file:</source>
        <translation>密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH pass&amp;word:</source>
        <translation>SSH 密码(&amp;W)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;variable:</source>
        <translation>密码环境变量(&amp;V)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known &amp;hosts file:</source>
        <translation>Known hosts 文件(&amp;H)：</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>&quot;%1&quot; is not a valid SSH host.</source>
        <translation>“%1”不是有效的 SSH 主机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the SSH password, or name the variable that holds it.</source>
        <translation>请输入 SSH 密码，或指定保存它的环境变量。</translation>
    </message>
</context>
<context>
    <name>SshAuthenticator</name>
    <message>
        <location filename="../models/host/ssh/sshauthenticator.cpp" line="+28"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 dropped the connection during authentication: %2</source>
        <translation>%1 在认证期间断开了连接：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>key file %1 (not found)</source>
        <translation>密钥文件 %1（未找到）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>key file %1 (cannot be loaded: protected by a passphrase? name its environment variable in &quot;keyPassphraseEnv&quot;)</source>
        <translation>密钥文件 %1（无法加载：是否受密码短语保护？请在“keyPassphraseEnv”中指定其环境变量）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>key file %1 (cannot be loaded: wrong passphrase in $%2, or not a private key)</source>
        <translation>密钥文件 %1（无法加载：$%2 中的密码短语错误，或不是私钥）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>key file %1 (accepted; the server wants a further method)</source>
        <translation>密钥文件 %1（已接受；服务器还要求其他认证方式）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key file %1 (refused)</source>
        <translation>密钥文件 %1（被拒绝）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>password (not offered by the server)</source>
        <translation>密码（服务器未提供此方式）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>password (none given: the profile names no &quot;passwordEnv&quot;)</source>
        <translation>密码（未提供：配对方案中没有指定“passwordEnv”）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>password (the environment variable %1 is not set)</source>
        <translation>密码（未设置环境变量 %1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the SSH password given (refused)</source>
        <translation>输入的 SSH 密码（被拒绝）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password from %1 (refused)</source>
        <translation>来自 %1 的密码（被拒绝）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 dropped the connection: %2</source>
        <translation>%1 断开了连接：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ssh-agent, as the profile says (&quot;agent&quot;: true), but none is running: SSH_AUTH_SOCK is not set</source>
        <translation>ssh-agent，按配对方案的要求（&quot;agent&quot;: true），但没有 ssh-agent 在运行：未设置 SSH_AUTH_SOCK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ssh-agent (not running: SSH_AUTH_SOCK is not set)</source>
        <translation>ssh-agent（未运行：未设置 SSH_AUTH_SOCK）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ssh-agent (failed: %1)</source>
        <translation>ssh-agent（失败：%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ssh-agent (no key of the agent was accepted)</source>
        <translation>ssh-agent（代理中的密钥均未被接受）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>public keys (not offered by the server)</source>
        <translation>公钥（服务器未提供此方式）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>authentication as %1 failed. The server offers: %2. Tried: %3.</source>
        <translation>以 %1 身份认证失败。服务器提供：%2。已尝试：%3。</translation>
    </message>
</context>
<context>
    <name>SshSession</name>
    <message>
        <location filename="../models/host/ssh/sshsession.cpp" line="+32"/>
        <source>cannot create an SSH session (out of memory?)</source>
        <translation>无法创建 SSH 会话（内存不足？）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no SSH answer from %1 within %2 s (%3)</source>
        <translation>%1 在 %2 秒内没有 SSH 应答（%3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>the SSH connection to %1 is closed</source>
        <translation>到 %1 的 SSH 连接已关闭</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>the SSH connection to %1 failed while %2: %3</source>
        <translation>到 %1 的 SSH 连接在%2时失败：%3</translation>
    </message>
    <message>
        <location filename="../models/host/ssh/sshcommandchannel.h" line="+61"/>
        <source>opening a channel</source>
        <translation>打开通道</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>starting a command</source>
        <translation>启动命令</translation>
    </message>
    <message>
        <location filename="../models/host/ssh/sshsession.cpp" line="+47"/>
        <location line="+107"/>
        <source>sending data</source>
        <translation>发送数据</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+110"/>
        <source>reading output</source>
        <translation>读取输出</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+5"/>
        <location line="+109"/>
        <location line="+5"/>
        <source>waiting for a command</source>
        <translation>等待命令</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>&quot;%1&quot; did not finish within %2 s on %3</source>
        <translation>“%1”在 %3 上未能在 %2 秒内结束</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+42"/>
        <source>&quot;%1&quot; was stopped on %2</source>
        <translation>%2 上的 &quot;%1&quot; 已被停止</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>nothing moved through &quot;%1&quot; on %2 for %3 s</source>
        <translation>%3 秒内没有数据经过 %2 上的 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 now presents the host key %2, not the %3 that was confirmed; nothing was added to %4</source>
        <translation>%1 现在提供的主机密钥是 %2，而不是已确认的 %3；未向 %4 添加任何内容</translation>
    </message>
</context>
<context>
    <name>SshShell</name>
    <message>
        <location filename="../models/host/ssh/sshshell.cpp" line="+59"/>
        <source>%1 (sudo)</source>
        <translation>%1（sudo）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 was not a known host: its key %2 (%3) was added to %4 (&quot;acceptNewHostKey&quot;)</source>
        <translation>%1 原先不是已知主机：其密钥 %2（%3）已添加到 %4（&quot;acceptNewHostKey&quot;）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the profile asks for &quot;sudo&quot;: true, but sudo is not installed on %1</source>
        <translation>配对方案要求 &quot;sudo&quot;: true，但 %1 上未安装 sudo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sudo on %1 would ask %2 for a password, and RepliPair never types one (sudo -n said: &quot;%3&quot;). Give %2 a NOPASSWD sudo rule for the commands RepliPair runs, or log in as a user that needs no sudo.</source>
        <translation>%1 上的 sudo 会要求 %2 输入密码，而 RepliPair 从不输入密码（sudo -n 提示：“%3”）。请为 %2 设置针对 RepliPair 所运行命令的 NOPASSWD sudo 规则，或以无需 sudo 的用户身份登录。</translation>
    </message>
    <message>
        <location line="+51"/>
        <location filename="../models/setup/preflighttls.cpp" line="-123"/>
        <source>cannot check whether %1 exists on %2: %3</source>
        <translation>无法检查 %2 上是否存在 %1：%3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read %1 on %2: %3</source>
        <translation>无法读取 %2 上的 %1：%3</translation>
    </message>
    <message>
        <location filename="../models/host/ssh/sshshellwrites.cpp" line="+136"/>
        <source>%1 (the target of %2)</source>
        <translation>%1（%2 的目标）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the folder of %1 does not exist on %2</source>
        <translation>%2 上不存在 %1 所在的文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be replaced on %2: the folder %3 is not writable by %4</source>
        <translation>无法替换 %2 上的 %1：%4 无法写入文件夹 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not writable by %2 on %3</source>
        <translation>%3 上的 %1 无法被 %2 写入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 on %2 belongs to another user; %3 could write it but not keep its owner. Use &quot;sudo&quot;: true or log in as its owner.</source>
        <translation>%2 上的 %1 属于另一个用户；%3 可以写入它，但无法保留其所有者。请使用 &quot;sudo&quot;: true 或以其所有者身份登录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 on %2 is not a regular file</source>
        <translation>%2 上的 %1 不是普通文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot check whether %1 is writable on %2: %3</source>
        <translation>无法检查 %2 上的 %1 是否可写：%3</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+115"/>
        <source>cannot write %1 on %2 (left unchanged): %3</source>
        <translation>无法写入 %2 上的 %1（保持不变）：%3</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+96"/>
        <source>cannot copy %1 to %2 on %3: %4</source>
        <translation>无法在 %3 上将 %1 拷贝到 %2：%4</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>the files were written on %1, but what was to follow did not run: %2</source>
        <translation>文件已写入 %1，但随后的命令未运行：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 on %2 did not exist when the option files were read, but it does now (someone made it meanwhile): it was left as it is</source>
        <translation>%2 上的 %1 在读取配置文件时不存在，但现在存在（有人在此期间创建了它）：保持原样</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2 changed since it was read (someone edited it meanwhile): it was left as it is</source>
        <translation>%2 上的 %1 在读取后已被更改（有人在此期间编辑了它）：保持原样</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, and nothing was written</source>
        <translation>，且未写入任何内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot check %1 on %2 (nothing was written): %3</source>
        <translation>无法检查 %2 上的 %1（未写入任何内容）：%3</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot remove %1 on %2: %3</source>
        <translation>无法删除 %2 上的 %1：%3</translation>
    </message>
    <message>
        <location filename="../models/host/ssh/sshshell.cpp" line="+9"/>
        <source>unusable file name pattern &quot;%1&quot;</source>
        <translation>无法使用的文件名模式“%1”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>folder %1 does not exist on %2 (or cannot be entered)</source>
        <translation>%2 上的文件夹 %1 不存在（或无法进入）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot list %1 on %2: %3</source>
        <translation>无法列出 %2 上的 %1：%3</translation>
    </message>
</context>
<context>
    <name>StatusCharts</name>
    <message>
        <location filename="../ui/monitor/statuscharts.cpp" line="+46"/>
        <location line="+207"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export P&amp;NG…</source>
        <translation>导出 P&amp;NG…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+255"/>
        <source>Export Charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location line="-255"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 &amp;CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+256"/>
        <location line="+23"/>
        <source>Export Samples</source>
        <translation>导出采样数据</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Range:</source>
        <translation>时间范围(&amp;R)：</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Replication lag (seconds)</source>
        <translation>复制延迟（秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binlog not yet executed (KiB)</source>
        <translation>尚未执行的 binlog（KiB）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Replica threads running (IO + SQL)</source>
        <translation>正在运行的复制线程（IO + SQL）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 heartbeat</source>
        <translation>%1 心跳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 seconds behind</source>
        <translation>%1 延迟秒数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on %1</source>
        <translation>在 %1 上</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+23"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>StatusCommand</name>
    <message>
        <location filename="../app/cli/statuscommand.cpp" line="+43"/>
        <location line="+236"/>
        <source>no answer from %1 within the timeout</source>
        <translation>%1 在超时时间内没有响应</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>   IO error %1: %2</source>
        <translation>   IO 错误 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>   SQL error %1: %2</source>
        <translation>   SQL 错误 %1：%2</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+212"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2  exec %3:%4</source>
        <translation>%1：%2  执行到 %3:%4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>   link from %1: %2</source>
        <translation>   来自 %1 的链路：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>   link from %1: %2 (cipher %3 on %1)</source>
        <translation>   来自 %1 的链路：%2（%1 上的加密套件 %3）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>   FENCED since %1 (kept read-only): %2</source>
        <translation>   自 %1 起处于隔离状态（保持只读）：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>   ERRANT: holds transactions that started on %1 and that %1 lacks: %2</source>
        <translation>   多余事务：持有源自 %1、而 %1 没有的事务：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>   holds transactions of its own that %1 lacks: %2</source>
        <translation>   持有 %1 缺少的自身事务：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>NEXT: replipair-cli skip %1 --server %2 shows the event %2 could not apply and what skipping it means; when the data are already apart, replipair-cli rebuild %1 --server %2 --dry-run</source>
        <translation>下一步：replipair-cli skip %1 --server %2 显示 %2 无法应用的事件以及跳过它意味着什么；数据已经不一致时，用 replipair-cli rebuild %1 --server %2 --dry-run</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the rebuild of %1 started at %2 was interrupted and left %1 without replica settings (and perhaps with a partial copy); recover cannot put that back, a rebuild does it anew: replipair-cli rebuild %3 --server %1 --yes</source>
        <translation>%2 开始的 %1 重建被中断，使 %1 没有了从库设置（可能还有拷贝到一半的数据）；recover 无法撤回这些，重建会重新完成：replipair-cli rebuild %3 --server %1 --yes</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>the %1 started at %2 was interrupted before it ended and left %n change(s) on the servers: replipair-cli recover %3 puts back what it can and names the rest (--dry-run shows them)</source>
        <translation>
            <numerusform>%2 开始的 %1 在结束前被中断，在服务器上留下了 %n 处更改：replipair-cli recover %3 会撤回能撤回的并列出其余的（--dry-run 可查看）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>NEXT: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+14"/>
        <source>WARNING: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>IO thread %1, SQL thread %2</source>
        <translation>IO 线程 %1，SQL 线程 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>%1 s behind</source>
        <translation>延迟 %1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replicating, %1 s behind</source>
        <translation>正在复制，延迟 %1 秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>replicating</source>
        <translation>正在复制</translation>
    </message>
</context>
<context>
    <name>StatusPoller</name>
    <message>
        <location filename="../models/monitor/pollconnection.cpp" line="+38"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — while running: %2</source>
        <translation>%1 — 运行时：%2</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>the monitor&apos;s look at the server (read_only, replication status, heartbeat)</source>
        <translation>监控对服务器的查看（read_only、复制状态、心跳）</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+151"/>
        <source>%1 (error %2)</source>
        <translation>%1（错误 %2）</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+46"/>
        <source>no heartbeat table %1.%2</source>
        <translation>没有心跳表 %1.%2</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>the binary log of %1 is off: no heartbeat lag for its replica</source>
        <translation>%1 的 binlog 已关闭：其从库没有心跳延迟数据</translation>
    </message>
</context>
<context>
    <name>StatusSample</name>
    <message>
        <location filename="../models/monitor/statussample.cpp" line="+18"/>
        <source>unreachable: %1</source>
        <translation>无法访问：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>replica status unknown: %1</source>
        <translation>从库状态未知：%1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>ERROR: the TLS certificate expired on %1</source>
        <translation>错误：TLS 证书已于 %1 过期</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>WARNING: the TLS certificate expires in %n day(s), on %1</source>
        <translation>
            <numerusform>警告：TLS 证书将在 %n 天后（%1）过期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS certificate valid until %1</source>
        <translation>TLS 证书有效期至 %1</translation>
    </message>
</context>
<context>
    <name>StepError</name>
    <message>
        <location filename="../models/common/steperror.cpp" line="+12"/>
        <source>[%1] %2: </source>
        <translation>[%1] %2：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: </source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[%1] </source>
        <translation>[%1] </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (error %2)</source>
        <translation>%1（错误 %2）</translation>
    </message>
</context>
<context>
    <name>StepId</name>
    <message>
        <location filename="../models/common/stepid.cpp" line="+6"/>
        <source>inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reach peer</source>
        <translation>访问对端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pre-flight</source>
        <translation>预检</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read config</source>
        <translation>读取配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check config</source>
        <translation>检查配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>config</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replication user</source>
        <translation>复制账号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>coordinates</source>
        <translation>binlog 位点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change source</source>
        <translation>更改主库</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>copy data</source>
        <translation>拷贝数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+29"/>
        <source>compare data</source>
        <translation>比较数据</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>check TLS</source>
        <translation>检查 TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>plan changed</source>
        <translation>方案已变化</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>writer role</source>
        <translation>写入角色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>setup</source>
        <translation>搭建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>journal</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profile</source>
        <translation>配对方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keychain</source>
        <translation>钥匙串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sudo</source>
        <translation>sudo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write file</source>
        <translation>写入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove file</source>
        <translation>删除文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list folder</source>
        <translation>列出文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run command</source>
        <translation>运行命令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locate server</source>
        <translation>查找服务器进程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verify config</source>
        <translation>验证配置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>poll</source>
        <translation>轮询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>monitor</source>
        <translation>监控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start replica</source>
        <translation>启动复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stop replica</source>
        <translation>停止复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failing event</source>
        <translation>出错的事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skip event</source>
        <translation>跳过事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>switchover</source>
        <translation>切换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failover</source>
        <translation>故障转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>switch checks</source>
        <translation>切换检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run hook</source>
        <translation>运行钩子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set read-only</source>
        <translation>设为只读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wait for transactions</source>
        <translation>等待事务结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final position</source>
        <translation>最终位点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wait until applied</source>
        <translation>等待应用完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open the new writer</source>
        <translation>开放新的写入端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verify the new writer</source>
        <translation>验证新的写入端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fence</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejoin</source>
        <translation>重新加入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebuild</source>
        <translation>重建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rebuild checks</source>
        <translation>重建检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset replica settings</source>
        <translation>重置从库设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check the rebuilt server</source>
        <translation>检查重建后的服务器</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>sql</source>
        <translation>SQL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ssh</source>
        <translation>SSH</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sandbox</source>
        <translation>沙箱</translation>
    </message>
</context>
<context>
    <name>Switchover</name>
    <message>
        <location filename="../models/operation/switchover.cpp" line="+35"/>
        <source>the profile is not saved in a file: its &quot;writer&quot; stays as it was</source>
        <translation>配对方案未保存在文件中：其 &quot;writer&quot; 保持不变</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>make %1 read-only: new writes there fail at once</source>
        <translation>将 %1 设为只读：在其上的新写入会立即失败</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>read_only = ON</source>
        <translation>read_only = ON</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>read_only = OFF: %1 takes writes again</source>
        <translation>read_only = OFF：%1 重新接收写入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>wait until the write transactions running on %1 end (at most %2 s)</source>
        <translation>等待 %1 上正在运行的写事务结束（最多 %2 秒）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no write transaction open</source>
        <translation>没有未结束的写事务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no write transaction open; %1</source>
        <translation>没有未结束的写事务；%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>read where %1&apos;s binary log ends</source>
        <translation>读取 %1 的 binlog 的结束位点</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>wait until %1 has applied exactly that</source>
        <translation>等待 %1 恰好应用到该位点</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>applied up to %1:%2</source>
        <translation>已应用到 %1:%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>make %1 writable</source>
        <translation>使 %1 可写</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>read_only = OFF: %1 takes the writes</source>
        <translation>read_only = OFF：%1 接管写入</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>record %1 as the writer: the profile, and read_only in both option files (%1 OFF, %2 ON)</source>
        <translation>将 %1 记录为写入端：写入配对方案，并在两个配置文件中设置 read_only（%1 OFF，%2 ON）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>profile: writer %1</source>
        <translation>配对方案：写入端 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is the writer, but: %2 — fix this by hand</source>
        <translation>%1 是写入端，但：%2 — 请手动修复</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>verify: a row written on %1 arrives on %2</source>
        <translation>验证：在 %1 上写入的行能到达 %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>a row written on the new writer did not arrive here within %1 s</source>
        <translation>在新写入端上写入的行未在 %1 秒内到达此处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a row written on the new writer arrived</source>
        <translation>在新写入端上写入的行已到达</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>check that %1 can take the writes from %2</source>
        <translation>检查 %1 能否从 %2 接管写入</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>refused: %1 stays the writer, nothing was changed</source>
        <translation>已拒绝：%1 仍为写入端，未做任何更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every check passed</source>
        <translation>所有检查均已通过</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the journal %1 could not be written in full: %2</source>
        <translation>运行记录 %1 未能完整写入：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cancelled before: %1</source>
        <translation>在此之前已取消：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run the rollback hook: %1</source>
        <translation>运行 rollback 钩子：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — rolled back: %2 is the writer again</source>
        <translation>%1 — 已回滚：%2 重新成为写入端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — the roll back failed: look at %2 (read_only) now</source>
        <translation>%1 — 回滚失败：请立即检查 %2（read_only）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is the writer (writes paused %2 ms)</source>
        <translation>%1 是写入端（写入暂停了 %2 毫秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is the writer, but a step after the switch failed: %2</source>
        <translation>%1 是写入端，但切换后的某个步骤失败了：%2</translation>
    </message>
</context>
<context>
    <name>SwitchoverCommand</name>
    <message>
        <location filename="../app/cli/switchovercommand.cpp" line="+13"/>
        <source>switchover needs --to with the name of the new writer (%1 or %2)</source>
        <translation>switchover 需要 --to 加上新写入端的名称（%1 或 %2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--timeout needs a whole number of seconds from 1 to 3600</source>
        <translation>--timeout 需要 1 到 3600 之间的整数秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>switchover moves the writes to %1; run it with --dry-run to see the checks and the steps, then add --yes</source>
        <translation>switchover 会将写入移动到 %1；请先加 --dry-run 运行以查看检查项和步骤，然后再加 --yes</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>replipair-cli: %1 received: stopping before the next step and putting %2 back as the writer…</source>
        <translation>replipair-cli：收到 %1：在下一步之前停止，并把 %2 恢复为写入端…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>interrupted by %1: %2</source>
        <translation>被 %1 中断：%2</translation>
    </message>
</context>
<context>
    <name>SwitchoverGuards</name>
    <message>
        <location filename="../models/operation/switchoverguards.cpp" line="+70"/>
        <source>%1 answers</source>
        <translation>%1 有响应</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot be logged into: %2</source>
        <translation>无法登录 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fix how the profile logs into %1 (the admin account, its password, the TLS files), then try again</source>
        <translation>修正配对方案登录 %1 的方式（管理员账号、密码、TLS 文件），然后重试</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be reached: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>when %1 is gone for good, force the failover: --force (it fences %1)</source>
        <translation>如果 %1 已永久不可用，请强制故障转移：--force（它会隔离 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start %1 or fix the network, then try again</source>
        <translation>请启动 %1 或修复网络，然后重试</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the replication of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的复制状态：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grant the admin account REPLICATION CLIENT (or SLAVE MONITOR) and try again</source>
        <translation>请授予管理员账号 REPLICATION CLIENT（或 SLAVE MONITOR）权限，然后重试</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 → %2 does not run: %3%4</source>
        <translation>%1 → %2 未在运行：%3%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>start replication on %1 (the canvas&apos;s Start replication, or START SLAVE) and clear its error first; a switch needs both directions</source>
        <translation>请在 %1 上启动复制（画布上的“启动复制”，或 START SLAVE）并先清除其错误；切换需要两个方向都在复制</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>both directions replicate</source>
        <translation>两个方向都在复制</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 applies %2&apos;s writes %3 s late on purpose (MASTER_DELAY)</source>
        <translation>%1 有意延迟 %3 秒应用 %2 的写入（MASTER_DELAY）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>remove the delay on %1 (STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE) and try again</source>
        <translation>请移除 %1 上的延迟（STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE），然后重试</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a heartbeat could not be written on %1: %2</source>
        <translation>无法在 %1 上写入心跳：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>let the admin account write %1.%2, then try again</source>
        <translation>请允许管理员账号写入 %1.%2，然后重试</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the lag of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的延迟：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check the replication of %1 and try again</source>
        <translation>请检查 %1 的复制，然后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 s or more behind %3 (a heartbeat written on %3 did not arrive in time)</source>
        <translation>%1 比 %3 延迟 %2 秒或更多（在 %3 上写入的心跳未及时到达）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>wait until %1 catches up (see its lag in status or on the canvas), then try again</source>
        <translation>请等待 %1 追上（在 status 或画布上查看其延迟），然后重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 applies %2&apos;s writes within %3 s</source>
        <translation>%1 在 %3 秒内应用 %2 的写入</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the transactions of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的事务：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grant the admin account PROCESS and try again</source>
        <translation>请授予管理员账号 PROCESS 权限，然后重试</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no write transaction on %1 is older than %2 s</source>
        <translation>%1 上没有超过 %2 秒的写事务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection %1 of %2, open %3 s, %4 rows changed</source>
        <translation>%2 的连接 %1，已打开 %3 秒，更改了 %4 行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 has write transactions open longer than %2 s: %3</source>
        <translation>%1 上有打开超过 %2 秒的写事务：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>let them commit, or end them on %1 (%2), then try again</source>
        <translation>请让它们提交，或在 %1 上结束它们（%2），然后重试</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the transactions of %1 cannot be compared: %2</source>
        <translation>无法比对 %1 的事务：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+68"/>
        <source>check both servers and try again</source>
        <translation>请检查两台服务器，然后重试</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>by GTID</source>
        <translation>按 GTID</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>by file and position: %1 has applied %2&apos;s binary log up to its end, %3:%4</source>
        <translation>按文件和位点：%1 已将 %2 的 binlog 应用到末尾，%3:%4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 holds no transaction that %2 lacks (%3)</source>
        <translation>%1 没有 %2 所缺少的事务（%3）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 holds transactions that %2 lacks (%3): %4</source>
        <translation>%1 有 %2 所缺少的事务（%3）：%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>find what was written on %1 outside replication (mysqlbinlog of its binary log) and apply it on %2, or rebuild %1 from %2; a switch now would lose it or make the servers differ</source>
        <translation>请找出在复制之外写入 %1 的内容（用 mysqlbinlog 查看其 binlog）并在 %2 上应用，或从 %2 重建 %1；现在切换会丢失这些内容或导致两台服务器数据不一致</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the replication filters cannot be read: %1</source>
        <translation>无法读取复制过滤规则：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>both servers have the same replication filters</source>
        <translation>两台服务器的复制过滤规则相同</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 on %3, %4 on %5</source>
        <translation>%1：%3 上为 %2，%5 上为 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the servers filter replication differently: %1</source>
        <translation>两台服务器的复制过滤规则不同：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>run setup again so both get the pair&apos;s filters, then try again</source>
        <translation>请再次运行搭建，使两台服务器都使用该配对的过滤规则，然后重试</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is the writer already</source>
        <translation>%1 已经是写入端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing to do</source>
        <translation>无需任何操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+20"/>
        <source>%1 is fenced since %2: %3</source>
        <translation>%1 自 %2 起处于隔离状态：%3</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>rebuild or rejoin %1 before it takes writes</source>
        <translation>在 %1 接收写入之前，请重建它或让它重新加入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 answers: a forced failover would leave two writers</source>
        <translation>%1 有响应：强制故障转移会导致出现两个写入端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use the planned switchover (without --force), which waits until %1 has applied everything</source>
        <translation>请使用计划内切换（不加 --force），它会等待 %1 应用完全部内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be logged into, which does not mean it is gone: %2</source>
        <translation>无法登录 %1，但这不表示它已不可用：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fix how the profile logs into %1 (the admin account, its password, the TLS files); a forced failover is only for a writer whose address does not answer at all: it would leave two writers</source>
        <translation>修正配对方案登录 %1 的方式（管理员账号、密码、TLS 文件）；强制故障转移只适用于地址完全无响应的写入端：否则会出现两个写入端</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 cannot be reached (%2)</source>
        <translation>无法连接 %1（%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 does not replicate from %2</source>
        <translation>%1 没有从 %2 复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing to drain: check the pair with status</source>
        <translation>没有需要应用完的内容：请用 status 检查该配对</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 replicates from %2: %3</source>
        <translation>%1 从 %2 复制：%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not fenced</source>
        <translation>%1 未处于隔离状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing to rejoin: look at the pair with status</source>
        <translation>无需重新加入：请用 status 查看双主配对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not the pair&apos;s writer</source>
        <translation>%1 不是双主配对的写入端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejoin the fenced server to the writer</source>
        <translation>将处于隔离状态的服务器重新加入写入端</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rebuild %1 from %2 (replipair-cli rebuild PROFILE --server %1 --from %2): a rejoin would keep what only %1 has</source>
        <translation>请从 %2 重建 %1（replipair-cli rebuild PROFILE --server %1 --from %2）：重新加入会保留只有 %1 才有的数据</translation>
    </message>
</context>
<context>
    <name>TextReportDialog</name>
    <message>
        <location filename="../ui/monitor/textreportdialog.cpp" line="+23"/>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>TlsPeerCheck</name>
    <message>
        <location filename="../models/host/tlspeercheck.cpp" line="+59"/>
        <source>the server does not offer TLS (have_ssl is not YES)</source>
        <translation>服务器未提供 TLS（have_ssl 不是 YES）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the TLS handshake failed</source>
        <translation>TLS 握手失败</translation>
    </message>
</context>
<context>
    <name>TlsSection</name>
    <message>
        <location filename="../ui/wizard/tlssection.cpp" line="+15"/>
        <source>Encryption (TLS)</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Off: clear text</source>
        <translation>关闭：明文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: encrypted, any certificate believed</source>
        <translation>必需：加密，信任任何证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify CA: encrypted, certificate signed by the CA</source>
        <translation>验证 CA：加密，证书须由该 CA 签发</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify identity: as Verify CA, and the name matches the host</source>
        <translation>验证身份：同验证 CA，且名称须与主机匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Test TLS</source>
        <translation>测试 TLS(&amp;T)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;A file:</source>
        <translation>CA 文件(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client c&amp;ertificate:</source>
        <translation>客户端证书(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client &amp;key:</source>
        <translation>客户端密钥(&amp;K)：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>PEM file on this machine (and the same path on the servers&apos; hosts)</source>
        <translation>此计算机上的 PEM 文件（服务器主机上的路径相同）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Give the CA file: this mode checks the servers&apos; certificates against it.</source>
        <translation>请提供 CA 文件：此模式会用它检查服务器的证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A client certificate needs its key, and a key its certificate.</source>
        <translation>客户端证书需要其密钥，密钥也需要其证书。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connecting to %1 and %2…</source>
        <translation>正在连接 %1 和 %2…</translation>
    </message>
</context>
<context>
    <name>TlsSettings</name>
    <message>
        <location filename="../models/common/tlssettings.cpp" line="+52"/>
        <source>encrypted: a listener on the network cannot read it, but a machine in the middle with a certificate of its own can</source>
        <translation>已加密：网络上的监听者无法读取，但持有自己证书的中间人可以</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>encrypted and the server&apos;s certificate checked against your CA: a machine in the middle needs a certificate from that CA</source>
        <translation>已加密，并用您的 CA 检查服务器证书：中间人需要该 CA 签发的证书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>encrypted, the certificate checked against your CA and against the host name: only the server the certificate names is believed</source>
        <translation>已加密，证书经您的 CA 和主机名检查：只信任证书所指定的服务器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>clear text: passwords&apos; hashes, every replicated row and every statement can be read on the way</source>
        <translation>明文：密码哈希、每一条复制的行和每一条语句都可能在传输途中被读取</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;mode&quot; must be &quot;off&quot;, &quot;required&quot;, &quot;verify-ca&quot; or &quot;verify-identity&quot;</source>
        <translation>&quot;mode&quot; 必须是 &quot;off&quot;、&quot;required&quot;、&quot;verify-ca&quot; 或 &quot;verify-identity&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; checks the server&apos;s certificate: give the CA that signed it in &quot;ca&quot;</source>
        <translation>&quot;%1&quot; 会检查服务器的证书：请在 &quot;ca&quot; 中提供签发它的 CA</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a client certificate needs both &quot;cert&quot; and &quot;key&quot;</source>
        <translation>客户端证书需要同时提供 &quot;cert&quot; 和 &quot;key&quot;</translation>
    </message>
</context>
<context>
    <name>TlsTester</name>
    <message>
        <location filename="../models/setup/tlstester.cpp" line="+64"/>
        <source>%1: failed: %2</source>
        <translation>%1：失败：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: connected in clear text</source>
        <translation>%1：以明文连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: encrypted (%2)</source>
        <translation>%1：已加密（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; certificate %1, issued by %2, expires %3</source>
        <translation>；证书 %1，由 %2 签发，%3 过期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; certificate: %1</source>
        <translation>；证书：%1</translation>
    </message>
</context>
<context>
    <name>TopologyModel</name>
    <message>
        <location filename="../models/monitor/topologymodel.cpp" line="+80"/>
        <source>fenced</source>
        <translation>处于隔离状态</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lagging</source>
        <translation>延迟过大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>TopologyScene</name>
    <message>
        <location filename="../ui/topology/topologyscene.cpp" line="+75"/>
        <source>No pair is open.
Create one with File ▸ New Pair… or open a saved pair on the left.</source>
        <translation>尚未打开任何服务器对。
请通过“文件 ▸ 新建服务器对…”创建，或在左侧打开已保存的服务器对。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>⚠ Data differs — repair the tables or rebuild a server, then compare again</source>
        <translation>⚠ 数据不一致 — 请修复这些表或重建一台服务器，然后再次比对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚠ Data unverified since %1 — compare the data</source>
        <translation>⚠ 自 %1 起数据未验证 — 请比对数据</translation>
    </message>
</context>
<context>
    <name>TopologyView</name>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="+16"/>
        <source>Replication topology</source>
        <translation>复制拓扑</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Arrows show each replication direction: green running, amber lagging, red stopped or failed, grey unknown. Use the Left and Right keys to select a server, the Menu key for its actions.</source>
        <translation>箭头表示每个复制方向：绿色为运行中，琥珀色为延迟，红色为已停止或出错，灰色为未知。使用左右方向键选择服务器，使用菜单键打开其操作。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>&amp;Inspect %1</source>
        <translation>检查 %1(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start replication on %1</source>
        <translation>在 %1 上启动复制(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top replication on %1</source>
        <translation>在 %1 上停止复制(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the &amp;Failing Event on %1…</source>
        <translation>显示 %1 上出错的事件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Compare Data of Both Servers…</source>
        <translation>比较两台服务器的数据(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move Writes to %1…</source>
        <translation>将写入移动到 %1(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rebuild %1 from %2…</source>
        <translation>从 %2 重建 %1(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the &amp;Configuration RepliPair Wrote on %1…</source>
        <translation>显示 RepliPair 在 %1 上写入的配置(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>UiTranslator</name>
    <message>
        <location filename="../ui/uitranslator.cpp" line="+40"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>WizardIntroPage</name>
    <message>
        <location filename="../ui/wizard/wizardintropage.cpp" line="+12"/>
        <source>Two servers, each a master of the other</source>
        <translation>两台服务器，互为主库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RepliPair sets up MySQL or MariaDB master-master replication and checks that it works.</source>
        <translation>RepliPair 搭建 MySQL 或 MariaDB 双主复制，并检查其是否正常工作。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;What will happen&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Both servers are inspected and checked before anything changes: version, server-id, binary log, filters, privileges, whether each reaches the other, and the databases and their tables on both sides. You see the plan first.&lt;/li&gt;&lt;li&gt;The configuration (server-id, binary log, auto-increment offsets, filters) is written to a drop-in file, with a backup; a server is restarted only when a setting needs it.&lt;/li&gt;&lt;li&gt;A replication account is created on each server, allowed only from its peer.&lt;/li&gt;&lt;li&gt;If you choose an initial copy on the options page, one server&apos;s databases are copied online to the other (for a new or empty server).&lt;/li&gt;&lt;li&gt;Start points are taken where the data is known to be the same on both sides, and each server starts replicating from the other (CHANGE MASTER both ways).&lt;/li&gt;&lt;li&gt;Both replication threads are checked on each side, a test row travels each way, and the replicated tables are compared between the two servers.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;将要进行的操作&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;&lt;li&gt;在做任何改动之前，先检查两台服务器：版本、server-id、binlog、复制过滤、权限、彼此能否连通，以及两边的数据库和表。您会先看到执行计划。&lt;/li&gt;&lt;li&gt;复制配置（server-id、binlog、自增步长与偏移、复制过滤）写入一个单独的配置文件，并先做备份；只有某项设置需要时才重启服务器。&lt;/li&gt;&lt;li&gt;在每台服务器上创建复制账号，只允许对端连接。&lt;/li&gt;&lt;li&gt;如果在选项页选择了初始拷贝，会在线把一台服务器的数据库拷贝到另一台（用于新的或空的服务器）。&lt;/li&gt;&lt;li&gt;在确认两边数据一致的位点上确定起始位点，两台服务器互相复制（两边都执行 CHANGE MASTER）。&lt;/li&gt;&lt;li&gt;检查每台服务器上的两个复制线程，双向各写一条测试行，并比较两台服务器上被复制的表。&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;p&gt;&lt;b&gt;What you need&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;The address and port of both servers, and an administrator account on each (the password stays in memory only).&lt;/li&gt;&lt;li&gt;For a server on another machine: SSH access (key or password) so that RepliPair can edit its configuration file and restart it; sudo if the files belong to root.&lt;/li&gt;&lt;li&gt;The databases to replicate: either the same data on both servers already, or one server with the data and the other to receive a copy.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;需要准备&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;两台服务器的地址和端口，以及各自的管理员账号（密码只保存在内存中）。&lt;/li&gt;&lt;li&gt;对于另一台机器上的服务器：SSH 访问（密钥或密码），以便 RepliPair 修改其配置文件并重启它；如果这些文件属于 root，还需要 sudo。&lt;/li&gt;&lt;li&gt;要复制的数据库：要么两台服务器上已有相同的数据，要么一台有数据、另一台接收拷贝。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>WriterCheck</name>
    <message>
        <location filename="../models/monitor/writercheck.cpp" line="+36"/>
        <source>writer (both write)</source>
        <translation>写入端（两台均写入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>writer</source>
        <translation>写入端</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reader</source>
        <translation>只读端</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>both servers accept writes, but only %1 should: the same row written on both stops replication. Make %2 read-only again: SET GLOBAL read_only = ON on %2</source>
        <translation>两台服务器都接受写入，但只应由 %1 接收：在两台服务器上写入同一行会使复制停止。请将 %2 重新设为只读：在 %2 上执行 SET GLOBAL read_only = ON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no server accepts writes: %1, the writer, is read-only too. SET GLOBAL read_only = OFF on %1</source>
        <translation>没有服务器接受写入：写入端 %1 也是只读的。在 %1 上执行 SET GLOBAL read_only = OFF</translation>
    </message>
</context>
<context>
    <name>WriterControl</name>
    <message>
        <location filename="../models/operation/writercontrol.cpp" line="+93"/>
        <source>%1, its client disconnected</source>
        <translation>%1，其客户端已断开</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>connection %1 (%2, open %3 s, %4 rows changed)</source>
        <translation>连接 %1（%2，已打开 %3 秒，更改了 %4 行）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>write transactions still open after %1 s: %2</source>
        <translation>%1 秒后仍有未结束的写事务：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>its SQL thread is not running: it cannot apply %1:%2</source>
        <translation>其 SQL 线程未在运行：无法应用到 %1:%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it did not apply its source&apos;s binary log up to %1:%2 within %3 s</source>
        <translation>它未在 %3 秒内将其主库的 binlog 应用到 %1:%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>its SQL thread is stopped with received transactions not applied (%1:%2 of %3:%4): %5</source>
        <translation>其 SQL 线程已停止，收到的事务尚未应用（%1:%2，共收到 %3:%4）：%5</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>it did not apply what it received within %1 s (at %2:%3 of %4:%5)</source>
        <translation>它未在 %1 秒内应用完收到的内容（已应用到 %2:%3，收到 %4:%5）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the binary log is off: a beat cannot be followed</source>
        <translation>binlog 已关闭：无法跟踪心跳</translation>
    </message>
</context>
<context>
    <name>WriterOptionFile</name>
    <message>
        <location filename="../models/operation/writeroptionfile.cpp" line="+121"/>
        <source>%1 already says read_only = %2</source>
        <translation>%1 中已是 read_only = %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 says read_only = %2 (backups: %3)</source>
        <translation>%1 中为 read_only = %2（备份：%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none, new file</source>
        <translation>无，新文件</translation>
    </message>
</context>
</TS>
