#include "relationdialog.h"

#include "deltastore.h"
#include "inputtext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Deltaboard {

RelationDialog::RelationDialog(Database &db, const Delta &delta, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_deltaId(delta.id)
    , m_type(new QComboBox(this))
    , m_query(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_chosen(new QLabel(this))
{
    setObjectName(u"relationDialog"_s);
    setWindowTitle(tr("Relate #%1").arg(delta.id));
    m_type->setObjectName(u"relationType"_s);
    m_query->setObjectName(u"relationSearch"_s);
    m_results->setObjectName(u"relationResults"_s);
    m_chosen->setObjectName(u"relationChosen"_s);
    for (const RelationType type : Levels::relationTypes())
        m_type->addItem(Levels::title(Levels::relationName(type)), Levels::relationKey(type));
    m_type->setCurrentIndex(m_type->findData(u"relates-to"_s));
    m_query->setPlaceholderText(tr("Words of its title, or #id"));
    m_query->setClearButtonEnabled(true);
    m_chosen->setWordWrap(true);

    auto *heading
        = new QLabel(u"<b>#%1</b> %2"_s.arg(delta.id).arg(delta.title.toHtmlEscaped()), this);
    heading->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(heading);
    form->addRow(tr("&Is:"), m_type);
    form->addRow(tr("&Delta:"), m_query);
    form->addRow(m_results);
    form->addRow(m_chosen);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Relate"));
    m_ok->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);

    connect(m_query, &QLineEdit::textChanged, this, &RelationDialog::search);
    connect(m_results, &QListWidget::currentRowChanged, this, [this] {
        const QListWidgetItem *item = m_results->currentItem();
        m_ok->setEnabled(item && item->data(Qt::UserRole).toLongLong() > 0);
        m_chosen->setText(item ? tr("Relates #%1 %2 <b>%3</b>")
                                     .arg(m_deltaId)
                                     .arg(m_type->currentText(), item->text().toHtmlEscaped())
                               : QString());
    });
    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT m_results->currentRowChanged(m_results->currentRow()); });
    connect(m_results, &QListWidget::itemActivated, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    // Enter in the search field takes the first match.
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    resize(560, 420);
}

void RelationDialog::setType(RelationType type)
{
    m_type->setCurrentIndex(m_type->findData(Levels::relationKey(type)));
}

RelationType RelationDialog::type() const
{
    return Levels::relationFromKey(m_type->currentData().toString()).value_or(RelationType{});
}

qint64 RelationDialog::otherId() const
{
    const QListWidgetItem *item = m_results->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void RelationDialog::search()
{
    m_results->clear();
    const QString text = m_query->text().trimmed();
    if (text.isEmpty())
        return;
    DeltaStore deltas(m_db);
    // "#123" or "123" is an id; anything else words of the title.
    if (const auto searched = InputText::searchedId(text)) {
        const qint64 id = *searched;
        if (const auto delta = deltas.get(id); delta && id != m_deltaId) {
            auto *item = new QListWidgetItem(u"#%1  %2"_s.arg(id).arg(delta->title), m_results);
            item->setData(Qt::UserRole, id);
        }
    }
    DeltaFilter filter;
    filter.search = text;
    filter.limit = 50;
    if (const auto rows = deltas.list(filter)) {
        for (const DeltaRow &row : *rows) {
            const bool listed = m_results->count() > 0
                                && m_results->item(0)->data(Qt::UserRole).toLongLong() == row.id;
            if (row.id == m_deltaId || listed)
                continue;
            auto *item
                = new QListWidgetItem(u"#%1  %2  (%3)"_s.arg(row.id).arg(
                                          row.title, Levels::title(Levels::stateName(row.state))),
                                      m_results);
            item->setData(Qt::UserRole, row.id);
        }
    }
    if (m_results->count() == 0) {
        auto *none = new QListWidgetItem(tr("No delta matches “%1”.").arg(text), m_results);
        none->setFlags(Qt::NoItemFlags);
        none->setData(Qt::UserRole, 0);
    } else {
        m_results->setCurrentRow(0);
    }
}

} // namespace Deltaboard
