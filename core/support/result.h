// Result<T>: a value or an error message, for operations whose failure is an ordinary outcome
// (a configuration that does not fit, a malformed input line) rather than a bug.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace memviz {

struct Error {
    std::string message;
};

template <class T>
class Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    // Precondition: ok().
    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }

    // Precondition: !ok().
    const std::string& error() const { return std::get<Error>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

}  // namespace memviz
