// The only script of the desk: the print button of the receipt page (same origin, no inline code).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
