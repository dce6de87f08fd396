#pragma once

#include <QDialog>

class QPlainTextEdit;

/** A read-only monospace report (config diffs, plans) that can be copied or saved. */
class TextReportDialog : public QDialog
{
    Q_OBJECT
public:
    TextReportDialog(const QString& title, const QString& text, QWidget* parent = nullptr);

private:
    QPlainTextEdit* m_text;
};
