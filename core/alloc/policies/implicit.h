#pragma once

#include "alloc/policy.h"

namespace memviz::alloc {

class ImplicitFit final : public Policy {
public:
    enum class Kind { First, Next, Best };
    explicit ImplicitFit(Kind kind) : m_kind(kind) {}

    // Only next fit keeps anything: the rover, one pointer.
    std::uint64_t root_bytes(const BlockFormat& format) const override {
        return m_kind == Kind::Next ? format.link : 0;
    }
    void init(HeapView& heap, Addr root, Addr first_block) override {
        m_root = root;
        m_first_block = first_block;
        if (m_kind == Kind::Next) heap.set_pointer(root, first_block);
    }
    std::optional<Addr> find_fit(HeapView& heap, std::uint64_t size, Search& search) override;
    void insert(HeapView&, Addr) override {}
    void remove(HeapView&, Addr) override {}
    void merged(HeapView& heap, Addr block, std::uint64_t size) override;
    std::vector<std::vector<Addr>> lists(const HeapView&) const override { return {}; }

private:
    Kind m_kind;
    Addr m_root = 0;
    Addr m_first_block = 0;  // a constant of the layout: right after the prologue
};

}  // namespace memviz::alloc
