// moocx: course suggestions under a search box as you type (ARIA 1.2 combobox with a listbox).
// An enhancement only: without this script each box is a plain GET form to /search.
/* global document, location, fetch, AbortController, URLSearchParams, setTimeout, clearTimeout */
const attrs = (el, values) => Object.entries(values).forEach(([k, v]) => el.setAttribute(k, v))

for (const input of document.querySelectorAll('input[data-suggest]')) {
  const list = document.createElement('ul')
  list.id = `${input.id}-list`
  list.className = 'suggest'
  list.hidden = true
  attrs(list, { role: 'listbox', 'aria-label': input.dataset.suggest })
  input.parentElement.append(list)
  input.autocomplete = 'off'
  attrs(input, {
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': list.id,
  })
  let timer, pending
  let courses = []
  let active = -1

  const select = (i) => {
    active = i
    ;[...list.children].forEach((option, j) => option.setAttribute('aria-selected', j === i))
    if (i < 0) input.removeAttribute('aria-activedescendant')
    else input.setAttribute('aria-activedescendant', `${list.id}-${i}`)
  }
  const show = (found) => {
    courses = found
    list.replaceChildren(
      ...found.map((course, i) => {
        const option = document.createElement('li')
        attrs(option, { id: `${list.id}-${i}`, role: 'option', lang: course.language, dir: 'auto' })
        option.textContent = course.title
        option.onmousedown = (e) => e.preventDefault()
        option.onclick = () => go(i)
        return option
      }),
    )
    list.hidden = !found.length
    input.setAttribute('aria-expanded', !list.hidden)
    select(-1)
  }
  const close = () => {
    clearTimeout(timer)
    pending?.abort()
    show([])
  }
  const go = (i) => (location.href = `/courses/${encodeURIComponent(courses[i].id)}`)
  const lookup = async () => {
    pending?.abort()
    if (!input.value.trim()) return close()
    const mine = (pending = new AbortController())
    const lang = document.documentElement.lang
    const query = new URLSearchParams({ q: input.value, per_page: 5, lang })
    try {
      const res = await fetch(`/api/v1/search?${query}`, { signal: mine.signal })
      const found = res.ok ? (await res.json()).data : []
      if (mine === pending && document.activeElement === input) show(found)
    } catch {
      // Aborted by a newer keystroke, or offline: the form still works.
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(lookup, 150)
  })
  input.addEventListener('blur', close)
  input.addEventListener('keydown', (e) => {
    const n = courses.length
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key]
    if (step && n) select(active < 0 ? (step > 0 ? 0 : n - 1) : (active + step + n) % n)
    else if (e.key === 'Enter' && active >= 0) go(active)
    else if (e.key === 'Escape' && n) close()
    else return
    e.preventDefault()
  })
}
