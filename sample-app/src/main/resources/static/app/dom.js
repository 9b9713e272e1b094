// Small DOM helpers shared by the page's parts.

export const $ = (id) => document.getElementById(id);

export function setText(id, text, className = '') {
  const element = $(id);
  element.textContent = text;
  element.className = className;
}

export function item(text, className) {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) {
    li.className = className;
  }
  return li;
}

export function prepend(list, li, max = 20) {
  list.prepend(li);
  while (list.children.length > max) {
    list.lastElementChild.remove();
  }
}

export function toast(title, text) {
  const element = document.createElement('div');
  element.className = 'toast';
  const strong = document.createElement('strong');
  strong.textContent = title;
  element.append(strong, text);
  $('toasts').append(element);
  setTimeout(() => element.remove(), 6000);
}

export function time(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function onSubmit(formId, handler) {
  $(formId).addEventListener('submit', (event) => {
    event.preventDefault();
    handler().catch((error) => toast('Not done', error.message));
  });
}
