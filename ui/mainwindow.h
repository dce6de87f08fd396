#pragma once

#include <QMainWindow>

/** The main window: saved pairs, the topology canvas, the live log. */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};
