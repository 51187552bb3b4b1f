#include "labeldialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

namespace {

QIcon swatch(const QString &colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(colour));
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}

} // namespace

LabelDialog::LabelDialog(const QList<Label> &all, const QList<Label> &current, const QString &what,
                         QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_new(new QLineEdit(this))
{
    setObjectName(u"labelDialog"_s);
    setWindowTitle(tr("Labels of %1").arg(what));
    m_list->setObjectName(u"labelList"_s);
    m_new->setObjectName(u"newLabel"_s);
    for (const Label &label : current)
        m_current.append(label.name);
    for (const Label &label : all) {
        auto *item = new QListWidgetItem(swatch(label.colour), label.name, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(m_current.contains(label.name, Qt::CaseInsensitive) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
    m_new->setPlaceholderText(tr("New label, then Enter"));
    connect(m_new, &QLineEdit::returnPressed, this, &LabelDialog::addNew);

    auto *hint
        = new QLabel(all.isEmpty() ? tr("No labels yet: type a name below to make one.")
                                   : tr("Check the labels it has; type a new name to make one."),
                     this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_new->text().trimmed().isEmpty())
            addNew(); // what was typed and not yet entered counts
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the name field adds the label; it does not close the dialog.
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Ok)->setDefault(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_list);
    layout->addWidget(m_new);
    layout->addWidget(buttons);
    resize(360, 420);
}

void LabelDialog::addNew()
{
    const QString name = m_new->text().simplified();
    m_new->clear();
    if (name.isEmpty())
        return;
    const auto found = m_list->findItems(name, Qt::MatchFixedString);
    if (!found.isEmpty()) {
        found.first()->setCheckState(Qt::Checked);
        m_list->scrollToItem(found.first());
        return;
    }
    auto *item = new QListWidgetItem(name, m_list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Checked);
    m_list->scrollToItem(item);
}

QStringList LabelDialog::attached() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked
            && !m_current.contains(item->text(), Qt::CaseInsensitive))
            names.append(item->text());
    }
    return names;
}

QStringList LabelDialog::detached() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() != Qt::Checked
            && m_current.contains(item->text(), Qt::CaseInsensitive))
            names.append(item->text());
    }
    return names;
}

} // namespace Deltaboard
