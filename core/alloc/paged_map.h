// A map from heap addresses to what the allocator knows about the blocks there, cut into pages
// of the heap so that keeping a copy costs only what changed since the last one: a copy shares
// every page, and the first write to a shared page copies that page alone (copy on write).
// The history keeps one copy per checkpoint; a program that touches a few blocks between
// checkpoints then costs a few pages, however many blocks are live.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "mem/data_model.h"

namespace memviz::alloc {

template <class Value>
class PagedMap {
public:
    using Entry = std::pair<Addr, Value>;

    // Keys are at or above `origin` (the heap's start).
    explicit PagedMap(Addr origin = 0) : m_origin(origin) {}

    std::size_t size() const { return m_size; }

    const Value* find(Addr key) const {
        const Page* page = page_at(key);
        if (page == nullptr) return nullptr;
        auto it = lower(*page, key);
        return it != page->entries.end() && it->first == key ? &it->second : nullptr;
    }
    bool contains(Addr key) const { return find(key) != nullptr; }

    void set(Addr key, Value value) {
        Page& page = writable(index_of(key));
        auto it = lower(page, key);
        if (it != page.entries.end() && it->first == key) {
            it->second = value;
            return;
        }
        page.entries.insert(it, Entry{key, value});
        ++m_size;
    }

    void erase(Addr key) {
        if (find(key) == nullptr) return;
        Page& page = writable(index_of(key));
        page.entries.erase(lower(page, key));
        --m_size;
    }

    // Erases every entry with a key in [first, end).
    void erase_range(Addr first, Addr end) {
        if (end <= first || m_pages.empty()) return;
        const std::size_t last = std::min(index_of(end - 1), m_pages.size() - 1);
        for (std::size_t index = index_of(first); index <= last; ++index) {
            if (m_pages[index] == nullptr) continue;
            const auto& entries = m_pages[index]->entries;
            auto from = std::lower_bound(entries.begin(), entries.end(), first, by_key);
            if (from == entries.end() || from->first >= end) continue;
            Page& page = writable(index);
            auto begin = std::lower_bound(page.entries.begin(), page.entries.end(), first, by_key);
            auto stop = std::lower_bound(begin, page.entries.end(), end, by_key);
            m_size -= static_cast<std::size_t>(stop - begin);
            page.entries.erase(begin, stop);
        }
    }

    void clear() {
        m_pages.clear();
        m_size = 0;
    }

    // The entry with the greatest key at or before `key` and no more than `reach` bytes before
    // it, if any.
    const Entry* at_or_before(Addr key, std::uint64_t reach) const {
        if (key < m_origin || m_pages.empty()) return nullptr;
        const Addr lowest = key - std::min<std::uint64_t>(reach, key - m_origin);
        std::size_t index = std::min(index_of(key), m_pages.size() - 1);
        for (;; --index) {
            if (const Page* page = m_pages[index].get(); page != nullptr) {
                auto it = std::upper_bound(page->entries.begin(), page->entries.end(), key,
                                           [](Addr k, const Entry& e) { return k < e.first; });
                if (it != page->entries.begin()) {
                    const Entry& found = *std::prev(it);
                    return found.first >= lowest ? &found : nullptr;
                }
            }
            if (index == 0 || index_first(index) <= lowest) return nullptr;
        }
    }

    // Calls f(key, value) for each entry in key order.
    template <class F>
    void for_each(F&& f) const {
        for (const auto& page : m_pages) {
            if (page == nullptr) continue;
            for (const Entry& entry : page->entries) f(entry.first, entry.second);
        }
    }

    // Host bytes of the pages this map does not share with `other` (all of them when `other`
    // is null): what keeping this copy costs beyond keeping `other`.
    std::uint64_t unshared_bytes(const PagedMap* other) const {
        std::uint64_t bytes = sizeof(PagedMap) + m_pages.capacity() * sizeof(m_pages[0]);
        for (std::size_t index = 0; index < m_pages.size(); ++index) {
            const auto& page = m_pages[index];
            if (page == nullptr) continue;
            if (other != nullptr && index < other->m_pages.size() && other->m_pages[index] == page) continue;
            bytes += sizeof(Page) + page->entries.capacity() * sizeof(Entry);
        }
        return bytes;
    }

    bool operator==(const PagedMap& other) const {
        if (m_size != other.m_size) return false;
        std::vector<Entry> mine;
        std::vector<Entry> theirs;
        for_each([&](Addr key, const Value& value) { mine.emplace_back(key, value); });
        other.for_each([&](Addr key, const Value& value) { theirs.emplace_back(key, value); });
        return mine == theirs;
    }

private:
    struct Page {
        std::vector<Entry> entries;  // by key
    };
    // 4 KiB of heap per page: about the size of the history's memory chunks.
    static constexpr unsigned kPageShift = 12;

    static bool by_key(const Entry& entry, Addr key) { return entry.first < key; }
    static auto lower(const Page& page, Addr key) {
        return std::lower_bound(page.entries.begin(), page.entries.end(), key, by_key);
    }
    static auto lower(Page& page, Addr key) {
        return std::lower_bound(page.entries.begin(), page.entries.end(), key, by_key);
    }
    std::size_t index_of(Addr key) const { return static_cast<std::size_t>((key - m_origin) >> kPageShift); }
    Addr index_first(std::size_t index) const { return m_origin + (static_cast<Addr>(index) << kPageShift); }
    const Page* page_at(Addr key) const {
        if (key < m_origin) return nullptr;
        const std::size_t index = index_of(key);
        return index < m_pages.size() ? m_pages[index].get() : nullptr;
    }
    // The page at `index`, made this map's own: copied first if a copy of the map shares it.
    Page& writable(std::size_t index) {
        if (index >= m_pages.size()) m_pages.resize(index + 1);
        auto& page = m_pages[index];
        if (page == nullptr) {
            page = std::make_shared<Page>();
        } else if (page.use_count() > 1) {
            page = std::make_shared<Page>(*page);
        }
        return *page;
    }

    Addr m_origin = 0;
    std::vector<std::shared_ptr<Page>> m_pages;  // null: no entries there
    std::size_t m_size = 0;
};

}  // namespace memviz::alloc
