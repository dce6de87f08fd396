#pragma once

#include <QObject>

class QSocketNotifier;
class QTimer;

/** Turns SIGINT, SIGTERM and SIGHUP (on Windows the console's Ctrl-C, break and close) into quitRequested()
 *  through a self-pipe and a QSocketNotifier: the handler only write()s a byte, which is async-signal-safe;
 *  Qt code runs later in the event loop. The GUI quits safely on it, the CLI cancels its run (exit 128 + the
 *  signal's number). The platform's signal plumbing lives here only. */
class QuitSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit QuitSignalWatcher(QObject* parent = nullptr);
    ~QuitSignalWatcher() override;

    bool isActive() const { return m_active; }
    /** The first signal received (SIGINT 2, SIGTERM 15, SIGHUP 1), 0 while none came. */
    int signalReceived() const { return m_first; }
    /** The exit code of a run stopped by that signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
    int exitCode() const { return 128 + m_first; }
    /** The first signal's name for messages ("SIGINT"). */
    QString signalName() const;

Q_SIGNALS:
    /** The first signal. */
    void quitRequested(int signalNumber);
    /** A later one, while the first is still being handled. */
    void repeated(int signalNumber);

private:
    static void handle(int signalNumber);
    void onReadable();

    void deliver(int signalNumber);

    QSocketNotifier* m_notifier = nullptr;
    QTimer* m_poll = nullptr; ///< Windows: the console handler's flag, read on the event loop
    bool m_active = false;
    int m_first = 0;
};
