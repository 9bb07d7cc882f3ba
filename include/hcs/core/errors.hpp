// The two kinds of failure a user can cause: bad input (exit code 1) and bad usage (exit code 2).
// Broken invariants of our own are assertions, not exceptions.
#pragma once

#include <stdexcept>
#include <string>

namespace hcs {

// A file, column or value the user supplied is not what the stage expects. The message is one
// line naming the file, column or value.
class InputError : public std::runtime_error {
  public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

// The command line or configuration asks for something impossible (unknown flag, shard out of
// range, missing config key).
class UsageError : public std::runtime_error {
  public:
    explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

constexpr int kExitSuccess = 0;
constexpr int kExitInputError = 1;
constexpr int kExitUsageError = 2;

}  // namespace hcs
