#pragma once

#include "result.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QStringList>

#include <memory>

namespace DeltaboardTest {

// A helper process that outlives the test process that started it, and the socket between the
// two: PgServer's watchdog (pgserver.cpp says what it does). Only the test process holds its end
// of the socket, so the helper sees it close however the test process ends, SIGKILL included.
class Watchdog
{
public:
    enum class Read { Line, Timeout, Closed };

    // Runs the command detached from this process: in a session of its own (a Ctrl+C for the
    // test is not for it) and with init as its parent, since ctest kills a test on timeout by
    // walking the process tree from the test's pid, and the helper must outlive the test to
    // clean up after it. Its stdin, stdout and stderr are the other end of the socket.
    static Deltaboard::Result<std::unique_ptr<Watchdog>> spawn(const QStringList &command);

    // Closes the socket without waiting: the helper is then on its own.
    ~Watchdog();
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

    // The next line, without its newline. At the end of the stream a last partial line is
    // returned as a line; after that, Closed.
    Read readLine(QByteArray *line, QDeadlineTimer deadline);
    // False when the helper is gone (no SIGPIPE).
    bool send(const QByteArray &line);
    // Closes the sending side and waits until the helper has exited (the socket closes when its
    // last holder ends), keeping what it said meanwhile as messages. False on timeout.
    bool finish(QDeadlineTimer deadline);

    // Lines that are not part of the protocol (messages from the helper's commands), for errors.
    void note(const QByteArray &line);
    const QStringList &messages() const { return m_messages; }

private:
    Watchdog() = default;

    int m_socket = -1;
    bool m_closed = false;
    QByteArray m_buffer;
    QStringList m_messages;
};

} // namespace DeltaboardTest
