document.getElementById("app")!.textContent = "Kommer snart";
