#include "newdeltadialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Deltaboard {

NewDeltaDialog::NewDeltaDialog(const QList<Component> &components, QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_component(new QComboBox(this))
    , m_foundIn(new QLineEdit(this))
    , m_desired(new QPlainTextEdit(this))
    , m_actual(new QPlainTextEdit(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(u"newDeltaDialog"_s);
    setWindowTitle(tr("New Delta"));
    m_kind->setObjectName(u"newDeltaKind"_s);
    m_title->setObjectName(u"newDeltaTitle"_s);
    m_desired->setObjectName(u"newDeltaDesired"_s);
    m_actual->setObjectName(u"newDeltaActual"_s);
    m_kind->addItem(tr("Defect: the code does not do what is desired"), int(DeltaKind::Defect));
    m_kind->addItem(tr("Crash: it stops"), int(DeltaKind::Crash));
    m_kind->addItem(tr("Spec: a design or a feature request"), int(DeltaKind::Spec));
    m_component->addItem(tr("(none)"), 0);
    for (const Component &component : components)
        m_component->addItem(component.name, component.id);
    m_title->setPlaceholderText(tr("What differs, in one line"));
    m_foundIn->setPlaceholderText(tr("version"));
    m_desired->setPlaceholderText(tr("What someone wants the software to do"));
    m_actual->setPlaceholderText(tr("What it does instead"));
    m_details->setPlaceholderText(tr("Steps, logs, links (Markdown)"));
    for (QPlainTextEdit *edit : {m_desired, m_actual})
        edit->setMaximumHeight(70);

    auto *note = new QLabel(tr("Recording a delta is not agreement that the code is wrong, nor a "
                               "promise to change it; organisations commit with tasks."),
                            this);
    note->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(note);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Component:"), m_component);
    form->addRow(tr("Found in:"), m_foundIn);
    form->addRow(tr("Desired:"), m_desired);
    form->addRow(tr("Actual:"), m_actual);
    form->addRow(tr("Details:"), m_details);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_title, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(620, sizeHint().height());
}

Delta NewDeltaDialog::delta() const
{
    Delta delta;
    delta.kind = DeltaKind(m_kind->currentData().toInt());
    delta.title = m_title->text().trimmed();
    if (const qint64 component = m_component->currentData().toLongLong())
        delta.componentId = component;
    delta.foundIn = m_foundIn->text().trimmed();
    delta.desired = m_desired->toPlainText().trimmed();
    delta.actual = m_actual->toPlainText().trimmed();
    delta.details = m_details->toPlainText().trimmed();
    return delta;
}

} // namespace Deltaboard
