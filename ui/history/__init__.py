"""History search (案件检索): every case ever recorded, beside the live queue."""
