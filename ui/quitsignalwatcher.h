#pragma once

#include <QObject>

class QSocketNotifier;

/** Turns SIGINT, SIGTERM and SIGHUP into quitRequested() through a self-pipe and a QSocketNotifier:
 *  the handler only write()s a byte, which is async-signal-safe; Qt code runs later in the event loop. */
class QuitSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit QuitSignalWatcher(QObject* parent = nullptr);
    ~QuitSignalWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void quitRequested(int signalNumber);

private:
    static void handle(int signalNumber);
    void onReadable();

    QSocketNotifier* m_notifier = nullptr;
};
