#pragma once

#include <QListWidget>

/** The Saved Pairs list: the recent pair profiles (AppSettings), and the demo's pair while the demo runs
 *  (marked as the demo's, never remembered). Activating an entry asks to open it. */
class PairList : public QListWidget
{
    Q_OBJECT
public:
    explicit PairList(QWidget* parent = nullptr);

    /** Rebuilds the list from the recent pairs (the demo's entry stays). */
    void refresh();
    /** Shows the demo's pair at the top; an empty @p path removes it. */
    void setDemoPair(const QString& path, const QString& name);
    QString demoPath() const { return m_demoPath; }
    /** The entry of @p path, or nullptr. */
    QListWidgetItem* itemFor(const QString& path) const;

    static constexpr int PathRole = Qt::UserRole;
    static constexpr int DemoRole = Qt::UserRole + 1;

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    QString m_demoPath;
    QString m_demoName;
};
