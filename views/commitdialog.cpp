#include "commitdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deltaboard {

CommitDialog::CommitDialog(const QString &organisation, const QStringList &deltas,
                           const QStringList &others, const QString &suggestedTitle,
                           QWidget *parent)
    : QDialog(parent)
    , m_title(new QLineEdit(suggestedTitle, this))
{
    setObjectName(u"commitDialog"_s);
    setWindowTitle(deltas.size() == 1 ? tr("Commit to a delta")
                                      : tr("Commit to %1 deltas").arg(deltas.size()));
    m_title->setObjectName(u"commitTitle"_s);
    m_title->selectAll();

    auto *intro
        = new QLabel(tr("<b>%1</b> commits to work on:").arg(organisation.toHtmlEscaped()), this);
    auto *list = new QLabel(
        u"<ul style='margin:0'><li>"_s + deltas.join(u"</li><li>"_s) + u"</li></ul>"_s, this);
    list->setWordWrap(true);
    auto *existing = new QLabel(this);
    existing->setObjectName(u"existingCommitments"_s);
    existing->setWordWrap(true);
    existing->setText(others.isEmpty() ? tr("No other organisation has committed to these yet.")
                                       : tr("Already committed: ") + others.join(u"; "_s));

    auto *form = new QFormLayout;
    form->addRow(tr("Task title:"), m_title);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Commit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list);
    layout->addWidget(existing);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString CommitDialog::title() const
{
    return m_title->text().trimmed();
}

} // namespace Deltaboard
