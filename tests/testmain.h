#pragma once

#include <QCoreApplication>
#include <QHashSeed>
#include <QLocale>
#include <QTest>

// Widget tests link QtWidgets; model tests must not need it.
#if __has_include(<QApplication>)
#include <QApplication>
#include <QStyleFactory>
#define DELTABOARD_TEST_HAS_WIDGETS 1
#endif

// A test main that pins what would otherwise vary between machines: locale, hash seed and, for
// widget tests, the style. Use DELTABOARD_TEST_MAIN for model tests (QCoreApplication) and
// DELTABOARD_GUI_TEST_MAIN for widget tests.
namespace DeltaboardTest {

inline void pinEnvironment()
{
    QLocale::setDefault(QLocale::c());
    QHashSeed::setDeterministicGlobalSeed();
}

} // namespace DeltaboardTest

#define DELTABOARD_TEST_MAIN(TestClass) \
    int main(int argc, char *argv[]) \
    { \
        DeltaboardTest::pinEnvironment(); \
        QCoreApplication app(argc, argv); \
        TestClass test; \
        return QTest::qExec(&test, argc, argv); \
    }

#ifdef DELTABOARD_TEST_HAS_WIDGETS
#define DELTABOARD_GUI_TEST_MAIN(TestClass) \
    int main(int argc, char *argv[]) \
    { \
        DeltaboardTest::pinEnvironment(); \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) \
            qputenv("QT_QPA_PLATFORM", "offscreen"); \
        QApplication app(argc, argv); \
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); \
        TestClass test; \
        return QTest::qExec(&test, argc, argv); \
    }
#endif
